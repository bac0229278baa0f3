using Deliberation.Web.Ballots;

namespace Deliberation.Web.Meetings;

/// <summary>What the meeting hub pushes to the screens that joined a meeting: the console, members' phones, the hall display.</summary>
public interface IMeetingClient
{
    /// <summary>
    /// The meeting changed: opened, roll call, the item taken up, closed. Meetings are public, so everyone gets it,
    /// those outside the council with undisclosed items as <see cref="MeetingDisclosure.Undisclosed"/>. It carries the
    /// counts, not the roll: <c>Attendance</c> is empty and <c>AttendanceChanges</c> holds the entries recorded since
    /// the previous push, to merge into the attendance <c>Join</c> answered. A ballot's opening is not followed by one:
    /// its <see cref="BallotChanged"/> goes to every screen at once and adds it to the meeting's <c>Ballots</c>.
    /// </summary>
    Task MeetingChanged(MeetingView meeting);

    /// <summary>
    /// A ballot opened, took votes or closed. Carries the turnout while open and the count once closed, never who voted
    /// what: once a named ballot closes, <c>NamedVotes</c> says how many there are and <c>GetBallot</c> lists them to
    /// whoever may see the ballot. Screens that may vote ask <c>GetBallot</c> for their own buttons. The turnout while
    /// open goes to the screens that show it (the public's, the chair's and clerk's), not to the phones of members who
    /// only vote: a member's own receipt says where the count stood at their vote.
    /// </summary>
    Task BallotChanged(BallotView ballot);
}

/// <summary>What a screen gets when it joins: the meeting and the ballots this viewer may see.</summary>
public sealed record MeetingLive(MeetingView Meeting, IReadOnlyList<BallotView> Ballots);

/// <summary>
/// The hub's groups: everyone following a meeting, and those of them holding a role in its council (insiders) or not
/// (outsiders, who see undisclosed agenda items only as such). Of each, the screens that show a ballot's turnout as it
/// moves: everyone but the members who only vote (a hall of phones is most of a meeting's connections, and a tick of
/// the turnout to each of them would cost more than the votes).
/// </summary>
public static class MeetingGroups
{
    public static string Everyone(string councilId, string meetingId) => $"meeting:{councilId}:{meetingId}";

    public static string Insiders(string councilId, string meetingId) => $"meeting:{councilId}:{meetingId}:insiders";

    public static string Outsiders(string councilId, string meetingId) => $"meeting:{councilId}:{meetingId}:outsiders";

    /// <summary>
    /// The screens that show the turnout are in shares, which get their ticks in turn (<see cref="MeetingPush"/>): a
    /// tick to every display of a large hall at once would hold up the votes arriving meanwhile.
    /// </summary>
    public const int TurnoutShards = 8;

    public static string InsidersShowingTurnout(string councilId, string meetingId, int shard) => $"meeting:{councilId}:{meetingId}:insiders:turnout:{shard}";

    public static string OutsidersShowingTurnout(string councilId, string meetingId, int shard) => $"meeting:{councilId}:{meetingId}:outsiders:turnout:{shard}";

    /// <summary>The share a connection's ticks come with: any spread that is even will do, and a connection keeps its share.</summary>
    public static int ShardOf(string connectionId) => (int)((uint)StringComparer.Ordinal.GetHashCode(connectionId) % TurnoutShards);

    /// <summary>
    /// Whether this viewer's screen follows the turnout: the chair's and clerk's (they run the meeting) and anyone's who
    /// is not a member (a hall display, a visitor); not a member's, whose screen is their phone to vote on.
    /// </summary>
    public static bool ShowsTurnout(Domain.Councils.Actor? viewer) =>
        viewer is null || viewer.Roles.Any(r => r.Role is Domain.Councils.CouncilRole.Chair or Domain.Councils.CouncilRole.Clerk)
        || !viewer.Roles.Any(r => r.Role == Domain.Councils.CouncilRole.Member);

    /// <summary>Every group a connection may be in for the meeting (to leave them all).</summary>
    public static IEnumerable<string> All(string councilId, string meetingId, string connectionId) =>
    [
        Everyone(councilId, meetingId), Insiders(councilId, meetingId), Outsiders(councilId, meetingId),
        InsidersShowingTurnout(councilId, meetingId, ShardOf(connectionId)), OutsidersShowingTurnout(councilId, meetingId, ShardOf(connectionId)),
    ];
}
