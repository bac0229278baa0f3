namespace Deliberation.Verifier;

/// <summary>What a verification found: every problem, and how much was checked.</summary>
public sealed class VerificationReport
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;
    public bool IsIntact => _problems.Count == 0;
    public int Streams { get; internal set; }
    public long EventsHashed { get; internal set; }
    public long EventsWithheld { get; internal set; }
    public long Checkpoints { get; internal set; }

    internal void Problem(string problem) => _problems.Add(problem);

    public override string ToString() => IsIntact
        ? $"Verified: {Streams} public streams, {EventsHashed} events recomputed, {EventsWithheld} withheld events linked, {Checkpoints} checkpoints."
        : $"NOT verified ({_problems.Count} problems):{Environment.NewLine}" + string.Join(Environment.NewLine, _problems.Select(p => "  - " + p));
}
