namespace Deliberation.Domain.Process;

/// <summary>The templates shipped with Deliberation, read from the embedded Process/Templates/*.json.</summary>
public static class ProcessTemplateCatalog
{
    private static readonly Lazy<IReadOnlyList<ProcessTemplate>> Templates = new(Load);

    public static IReadOnlyList<ProcessTemplate> BuiltIn => Templates.Value;

    public static ProcessTemplate Find(string id, int version) =>
        BuiltIn.FirstOrDefault(t => t.Id == id && t.Version == version)
        ?? throw new ArgumentException(
            $"No built-in template '{id}' v{version}. Built in: {string.Join(", ", BuiltIn.Select(t => $"{t.Id} v{t.Version}"))}.",
            nameof(id));

    public static ProcessTemplate Latest(string id) =>
        BuiltIn.Where(t => t.Id == id).MaxBy(t => t.Version)
        ?? throw new ArgumentException(
            $"No built-in template '{id}'. Built in: {string.Join(", ", BuiltIn.Select(t => t.Id).Distinct())}.", nameof(id));

    private static IReadOnlyList<ProcessTemplate> Load()
    {
        var assembly = typeof(ProcessTemplateCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Deliberation.Domain.Process.Templates.", StringComparison.Ordinal)
                        && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return ProcessTemplate.FromJson(reader.ReadToEnd());
            })
            .ToList();
    }
}
