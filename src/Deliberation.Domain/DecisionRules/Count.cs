namespace Deliberation.Domain.DecisionRules;

/// <summary>Heads and their weight (floor area, households, or 1 each) counted together.</summary>
public sealed record Count(int Members, decimal Weight)
{
    public static Count Zero { get; } = new(0, 0m);

    public static Count operator +(Count a, Count b) => new(a.Members + b.Members, a.Weight + b.Weight);
}
