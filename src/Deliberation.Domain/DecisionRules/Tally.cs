namespace Deliberation.Domain.DecisionRules;

/// <summary>The aggregated result of one ballot: who could vote, who took part, and how they voted.</summary>
public sealed record Tally(Count Electorate, Count Present, Count For, Count Against, Count Abstain)
{
    public Count VotesCast => For + Against;

    /// <summary>
    /// Those who count toward the quorum, when that differs from <see cref="Present"/>: a body whose rule says proxies
    /// do not count toward the quorum counts only the members there in person. Null means everyone present counts.
    /// </summary>
    public Count? QuorumPresent { get; init; }

    /// <summary>The tally the quorum conditions read: present means present for the quorum.</summary>
    internal Tally ForQuorum => QuorumPresent is { } p ? this with { Present = p, QuorumPresent = null } : this;

    public static Tally Create(Count electorate, Count present, Count @for, Count against, Count abstain)
    {
        NotNegative(electorate, nameof(electorate));
        NotNegative(present, nameof(present));
        NotNegative(@for, "for");
        NotNegative(against, nameof(against));
        NotNegative(abstain, nameof(abstain));
        if (present.Members > electorate.Members || present.Weight > electorate.Weight)
            throw new ArgumentException(
                $"More present ({present.Members} members, weight {present.Weight}) than the electorate ({electorate.Members} members, weight {electorate.Weight}).",
                nameof(present));
        var voted = @for + against + abstain;
        if (voted.Members > present.Members || voted.Weight > present.Weight)
            throw new ArgumentException(
                $"For, against and abstain ({voted.Members} members, weight {voted.Weight}) exceed those present ({present.Members} members, weight {present.Weight}).",
                "for");
        return new Tally(electorate, present, @for, against, abstain);
    }

    private static void NotNegative(Count count, string name)
    {
        ArgumentNullException.ThrowIfNull(count, name);
        if (count.Members < 0 || count.Weight < 0)
            throw new ArgumentException($"The {name} count cannot be negative (members {count.Members}, weight {count.Weight}).", name);
    }
}
