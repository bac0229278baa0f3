namespace Deliberation.Domain.Minutes;

/// <summary>What minutes refuse, in their own words (see <see cref="RefusalText"/>).</summary>
public static class MinutesRefusals
{
    public static readonly RefusalText ApprovedAsTheyStand = new("minutes.approved-as-they-stand", "The minutes are approved as they stand: publish them, then write a correction.");
    public static readonly RefusalText ApprovedByVote = new("minutes.approved-by-vote", "This body approves its minutes by a vote at its next meeting.");
    public static readonly RefusalText ApprovedByChair = new("minutes.approved-by-chair", "This body's chair approves its minutes.");
    public static readonly RefusalText BallotFailed = new("minutes.ballot-failed", "That ballot did not pass: the minutes are not approved.");
    public static readonly RefusalText OnlyApprovedPublished = new("minutes.only-approved-published", "Only approved minutes are published.");
    public static readonly RefusalText MeetingNotClosed = new("minutes.meeting-not-closed", "The meeting is not closed yet: minutes are approved after it.");
    public static readonly RefusalText ApprovedAlready = new("minutes.approved-already", "The minutes are approved already.");
    public static readonly RefusalText Published = new("minutes.published", "These minutes are published; write a correction first.");
    public static readonly RefusalText NoEvents = new("minutes.no-events", "The meeting has no events.");
    public static readonly RefusalText BallotStillOpen = new("minutes.ballot-still-open", "That ballot is still open.");
    public static readonly RefusalText BallotOfBody = new("minutes.ballot-of-body", "Name a ballot of this body at a later meeting.");
    public static readonly RefusalText ToWrite = new("minutes.act.write", "write the minutes");
    public static readonly RefusalText ToApprove = new("minutes.act.approve", "approve the minutes");
    public static readonly RefusalText ToRecordApproval = new("minutes.act.record-approval", "record the minutes' approval");
    public static readonly RefusalText ToPublish = new("minutes.act.publish", "publish the minutes");
}
