namespace Deliberation.Domain.Meetings;

/// <summary>What a meeting refuses, in its own words (see <see cref="RefusalText"/>).</summary>
public static class MeetingRefusals
{
    public static readonly IReadOnlyDictionary<MeetingStatus, RefusalText> Statuses =
        Enum.GetValues<MeetingStatus>().ToDictionary(s => s, s => new RefusalText($"meeting.status.{s}", s.ToString().ToLowerInvariant()));

    public static readonly RefusalText WrongStatus = new("meeting.wrong-status", "The meeting is {0}; this needs it {1}.");
    public static readonly RefusalText NewOrder = new("meeting.new-order", "The new order names each item on the agenda once, and nothing else.");
    public static readonly RefusalText TakenUpKeepsPlace = new("meeting.taken-up-keeps-place", "An item taken up already keeps its place on the agenda.");
    public static readonly RefusalText NotOnAgenda = new("meeting.not-on-agenda", "The item is not on this meeting's agenda.");
    public static readonly RefusalText StartsBetween = new("meeting.starts-between", "A meeting starts between yesterday and {0} years from now.");
    public static readonly RefusalText CheckInMembersOnly = new("meeting.check-in-members-only", "Only a member on the body's roll checks in.");
    public static readonly RefusalText YourProxyRecorded = new("meeting.your-proxy-recorded", "Another member is recorded as your proxy; the chair changes that record first.");
    public static readonly RefusalText FloorMembersOnly = new("meeting.floor-members-only", "Only a member on the body's roll asks for the floor.");
    public static readonly RefusalText NotOnRoll = new("meeting.not-on-roll", "This person is not on the body's roll.");
    public static readonly RefusalText ListClosed = new("meeting.list-closed", "The list of speakers on this item is closed.");
    public static readonly RefusalText SpeakingTime = new("meeting.speaking-time", "The time per speaker is more than nothing.");
    public static readonly RefusalText ListClosedGiveFloor = new("meeting.list-closed-give-floor", "The list of speakers is closed: give the floor to someone on it.");
    public static readonly RefusalText TakeUpForFloor = new("meeting.take-up-for-floor", "Take up an item first: the floor is given on the item under discussion.");
    public static readonly RefusalText SomeoneHasFloor = new("meeting.someone-has-floor", "Someone has the floor: end the speech first.");
    public static readonly RefusalText OnAgendaTwice = new("meeting.on-agenda-twice", "An item is on the agenda twice.");
    public static readonly RefusalText OnAgendaAlready = new("meeting.on-agenda-already", "The item is on the agenda already.");
    public static readonly RefusalText ChooseAttendance = new("meeting.choose-attendance", "Choose present, absent, excused or proxy.");
    public static readonly RefusalText ProxyForRoll = new("meeting.proxy-for-roll", "A proxy stands for another member of the roll.");
    public static readonly RefusalText HasProxy = new("meeting.has-proxy", "That member already has a proxy.");
    public static readonly RefusalText PresentVotes = new("meeting.present-votes", "That member is present and votes for themselves.");
    public static readonly RefusalText ProxyRecorded = new("meeting.proxy-recorded", "Another member is recorded as this member's proxy; change that record first.");
    public static readonly RefusalText TakeUpForBallot = new("meeting.take-up-for-ballot", "Take up an item first: a ballot is on the item under discussion.");
    public static readonly RefusalText BallotOnTakenUp = new("meeting.ballot-on-taken-up", "A ballot is on the item the meeting has taken up.");
    public static readonly RefusalText BallotOpen = new("meeting.ballot-open", "A ballot is open already; close it before opening another.");

    public static readonly RefusalText ToChangeAgenda = new("meeting.act.change-agenda", "change the agenda");
    public static readonly RefusalText ToReschedule = new("meeting.act.reschedule", "reschedule the meeting");
    public static readonly RefusalText ToCancel = new("meeting.act.cancel", "cancel the meeting");
    public static readonly RefusalText ToAddSpeaker = new("meeting.act.add-speaker", "add a speaker");
    public static readonly RefusalText ToRemoveSpeaker = new("meeting.act.remove-speaker", "take a speaker off the list");
    public static readonly RefusalText ToGiveFloor = new("meeting.act.give-floor", "give the floor");
    public static readonly RefusalText ToEndSpeech = new("meeting.act.end-speech", "end a speech");
    public static readonly RefusalText ToCloseList = new("meeting.act.close-list", "close the list of speakers");
    public static readonly RefusalText ToSchedule = new("meeting.act.schedule", "schedule a meeting");
    public static readonly RefusalText ToOpen = new("meeting.act.open", "open the meeting");
    public static readonly RefusalText ToTakeRoll = new("meeting.act.take-roll", "take the roll");
    public static readonly RefusalText ToTakeUp = new("meeting.act.take-up", "take up an item");
    public static readonly RefusalText ToOpenBallot = new("meeting.act.open-ballot", "open a ballot");
    public static readonly RefusalText ToClose = new("meeting.act.close", "close the meeting");
}
