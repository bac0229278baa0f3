using Deliberation.Web.Grains;
using Deliberation.Domain.Process;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Process;

public sealed class ProcessTemplateGrain(TimeProvider clock)
    : AggregateGrain<TemplateVersions, TemplatePublished>(Category), IProcessTemplateGrain
{
    public const string Category = "process-template";

    protected override TemplateVersions Fold(TemplateVersions? versions, TemplatePublished e)
    {
        versions ??= new TemplateVersions();
        versions.Add(ProcessTemplate.FromJson(e.Definition));
        return versions;
    }

    // Templates are shared by every council.
    protected override string ScopeOf(TemplateVersions versions) => "*";

    protected override object SummaryOf(TemplateVersions versions, DateTimeOffset at) =>
        new TemplateSummary(versions.Latest!.Id, versions.Latest.Version);

    public Task<ProcessTemplate?> GetAsync(int version) => Task.FromResult(Current?.Find(version));

    public Task<ProcessTemplate?> GetLatestAsync() => Task.FromResult(Current?.Latest);

    public async Task<ProcessTemplate> PublishAsync(string definitionJson, string byUserId)
    {
        var parsed = ProcessTemplate.FromJson(definitionJson);
        if (parsed.Id != Key) throw new ArgumentException($"The definition is for template '{parsed.Id}', not '{Key}'.");
        var versions = Current ?? new TemplateVersions();
        var template = parsed with { Version = versions.Count + 1 };
        template.Validate();
        versions.Add(template);
        var published = new TemplatePublished(template.Version, template.ToJson());
        if (Current is null) await CommitNewAsync(versions, [published], byUserId, clock.GetUtcNow());
        else await CommitAsync([published], byUserId, clock.GetUtcNow());
        return template;
    }
}

/// <summary>Every published version of one template, oldest first.</summary>
public sealed class TemplateVersions
{
    private readonly List<ProcessTemplate> _versions = [];

    public int Count => _versions.Count;

    public ProcessTemplate? Latest => _versions.LastOrDefault();

    public ProcessTemplate? Find(int version) => _versions.FirstOrDefault(t => t.Version == version);

    public void Add(ProcessTemplate template) => _versions.Add(template);
}
