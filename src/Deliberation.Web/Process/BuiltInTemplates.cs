using Deliberation.Domain.Process;
using Orleans;

namespace Deliberation.Web.Process;

/// <summary>Stores the built-in templates (三议一审两公开, 四议两公开) as version 1 of their streams on first start.</summary>
public static class BuiltInTemplates
{
    public static async Task PublishMissingAsync(IGrainFactory grains)
    {
        foreach (var template in ProcessTemplateCatalog.BuiltIn)
        {
            var grain = grains.GetGrain<IProcessTemplateGrain>(template.Id);
            if (await grain.GetAsync(template.Version) is null) await grain.PublishAsync(template.ToJson(), "system");
        }
    }
}
