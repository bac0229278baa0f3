using Deliberation.Web.Ballots;

namespace Deliberation.Web.Meetings;

/// <summary>What the meeting hub pushes to the screens that joined a meeting: the console, members' phones, the hall display.</summary>
public interface IMeetingClient
{
    /// <summary>
    /// The meeting changed: opened, roll call, the item taken up, closed. Meetings are public, so everyone gets it,
    /// those outside the council with undisclosed items as <see cref="MeetingDisclosure.Undisclosed"/>. It carries the
    /// counts, not the roll: <c>Attendance</c> is empty and <c>AttendanceChanges</c> holds the entries recorded since
    /// the previous push, to merge into the attendance <c>Join</c> answered.
    /// </summary>
    Task MeetingChanged(MeetingView meeting);

    /// <summary>
    /// A ballot opened, took a vote or closed. Carries the turnout while open and the count once closed, never who voted
    /// what: once a named ballot closes, <c>NamedVotes</c> says how many there are and <c>GetBallot</c> lists them to
    /// whoever may see the ballot. Screens that may vote ask <c>GetBallot</c> for their own buttons.
    /// </summary>
    Task BallotChanged(BallotView ballot);
}

/// <summary>What a screen gets when it joins: the meeting and the ballots this viewer may see.</summary>
public sealed record MeetingLive(MeetingView Meeting, IReadOnlyList<BallotView> Ballots);

/// <summary>
/// The hub's groups: everyone following a meeting, and those of them holding a role in its council (insiders) or not
/// (outsiders, who see undisclosed agenda items only as such).
/// </summary>
public static class MeetingGroups
{
    public static string Everyone(string councilId, string meetingId) => $"meeting:{councilId}:{meetingId}";

    public static string Insiders(string councilId, string meetingId) => $"meeting:{councilId}:{meetingId}:insiders";

    public static string Outsiders(string councilId, string meetingId) => $"meeting:{councilId}:{meetingId}:outsiders";
}
