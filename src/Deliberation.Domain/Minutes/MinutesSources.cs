using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Meetings;

namespace Deliberation.Domain.Minutes;

/// <summary>An event with the time the log recorded it.</summary>
public sealed record Timed<TEvent>(TEvent Event, DateTimeOffset At);

/// <summary>The body as the minutes name it, with the rule its quorum is counted under.</summary>
public sealed record MinutesBody(string Id, LocalizedText Name, string DecisionRuleId, bool ProxiesCountTowardQuorum);

/// <summary>
/// Everything the draft is made from: the meeting's events, the body and its roll, each ballot's events, each agenda
/// item's events, and the names of the people they mention.
/// </summary>
public sealed record MinutesSources(
    IReadOnlyList<Timed<MeetingEvent>> Meeting, MinutesBody Body, IReadOnlyList<RoleHolder> Roll,
    IReadOnlyList<IReadOnlyList<BallotEvent>> Ballots, IReadOnlyDictionary<string, IReadOnlyList<Timed<AgendaItemEvent>>> Items,
    IReadOnlyDictionary<string, string> Names);

/// <summary>
/// Which ballots keep counts only. A secret ballot's kind is not built yet (docs/secret-ballots.md); when it is, the
/// kind named <c>Secret</c> is recognised here without further change, and a flag on the ballot can be added here.
/// </summary>
public static class BallotSecrecy
{
    public static bool IsSecret(Ballot ballot) => ballot.Kind.ToString() == "Secret";
}
