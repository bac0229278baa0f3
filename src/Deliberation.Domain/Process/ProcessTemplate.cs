using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deliberation.Domain.Process;

/// <summary>
/// The steps an item goes through. Versioned data: an item keeps the version it was accepted under,
/// so a council can change its process without rewriting the history of items already running.
/// </summary>
public sealed record ProcessTemplate(string Id, int Version, LocalizedText Name, IReadOnlyList<ProcessStep> Steps)
{
    // Held as a copy nobody can change, whatever list it was made from: a template is handed to many items at once.
    private readonly IReadOnlyList<ProcessStep> _steps = Frozen(Steps);

    public IReadOnlyList<ProcessStep> Steps
    {
        get => _steps;
        init => _steps = Frozen(value);
    }

    // A template read from JSON may lack its steps: Validate says so.
    private static IReadOnlyList<ProcessStep> Frozen(IReadOnlyList<ProcessStep>? steps) =>
        steps is null ? null! : System.Collections.Immutable.ImmutableArray.CreateRange(steps);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public ProcessStep Step(string id) =>
        Steps.FirstOrDefault(s => s.Id == id)
        ?? throw new ArgumentException($"Template {Id} v{Version} has no step '{id}'.", nameof(id));

    public int IndexOf(string id)
    {
        for (var i = 0; i < Steps.Count; i++)
            if (Steps[i].Id == id) return i;
        throw new ArgumentException($"Template {Id} v{Version} has no step '{id}'.", nameof(id));
    }

    /// <summary>Throws ArgumentException describing every problem found, so a council's author can fix them at once.</summary>
    public ProcessTemplate Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id)) problems.Add("the template needs an id");
        if (Version < 1) problems.Add("the version must be 1 or more");
        if (Steps is null || Steps.Count == 0) problems.Add("a template needs at least one step");
        var steps = Steps ?? [];
        foreach (var duplicate in steps.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            problems.Add($"step id '{duplicate.Key}' is used more than once");
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (string.IsNullOrWhiteSpace(step.Id)) problems.Add($"step {i + 1} needs an id");
            if (step.NoticeDays is <= 0) problems.Add($"step '{step.Id}': notice days must be more than 0");
            CheckTarget(step, step.OnReturned, nameof(ProcessStep.OnReturned), i, steps, problems);
            CheckTarget(step, step.OnObjectionUpheld, nameof(ProcessStep.OnObjectionUpheld), i, steps, problems);
            // A returned review or an upheld objection goes back to reconsider: there must be a step to go back to.
            var loops = step.Kind is StepKind.Review ? step.OnReturned : step.Kind is StepKind.Disclosure ? step.OnObjectionUpheld : "-";
            if (loops is null && !steps.Take(i).Any(s => s.Kind == StepKind.Consultation))
                problems.Add($"step '{step.Id}' needs {(step.Kind == StepKind.Review ? nameof(ProcessStep.OnReturned) : nameof(ProcessStep.OnObjectionUpheld))} or an earlier Consultation step to send the item back to");
        }
        if (problems.Count > 0)
            throw new ArgumentException($"Template {Id} v{Version} is not valid: {string.Join("; ", problems)}.");
        return this;
    }

    // Loops only go back: a target must be an earlier step, or the item could skip ahead unchecked.
    private static void CheckTarget(ProcessStep step, string? target, string field, int index,
        IReadOnlyList<ProcessStep> steps, List<string> problems)
    {
        if (target is null) return;
        var at = steps.Select((s, i) => (s, i)).FirstOrDefault(p => p.s.Id == target);
        if (at.s is null) problems.Add($"step '{step.Id}': {field} names unknown step '{target}'");
        else if (at.i >= index) problems.Add($"step '{step.Id}': {field} must name an earlier step, not '{target}'");
    }

    public static ProcessTemplate FromJson(string json) =>
        (JsonSerializer.Deserialize<ProcessTemplate>(json, Json)
         ?? throw new ArgumentException("The template JSON is empty.", nameof(json))).Validate();

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
