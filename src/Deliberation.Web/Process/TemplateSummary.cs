namespace Deliberation.Web.Process;

/// <summary>A process template's catalogue row (the <c>streams</c> summary): its id and latest published version.</summary>
public sealed record TemplateSummary(string Id, int Version);
