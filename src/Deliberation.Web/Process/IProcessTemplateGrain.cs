using Deliberation.Domain.Process;
using Orleans;

namespace Deliberation.Web.Process;

/// <summary>
/// The stored versions of one process template, keyed by template id. Versions are never changed, only added,
/// so an item accepted under version 1 keeps its steps when version 2 is published.
/// </summary>
public interface IProcessTemplateGrain : IGrainWithStringKey
{
    Task<ProcessTemplate?> GetAsync(int version);

    Task<ProcessTemplate?> GetLatestAsync();

    /// <summary>Stores the definition as the next version and returns it.</summary>
    Task<ProcessTemplate> PublishAsync(string definitionJson, string byUserId);
}

/// <summary>A template version was stored; the definition is the template's JSON.</summary>
public sealed record TemplatePublished(int Version, string Definition);
