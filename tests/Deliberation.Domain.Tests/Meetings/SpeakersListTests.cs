using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Meetings;

public sealed class SpeakersListTests
{
    private static readonly Actor One = new("u-1", [new RoleGrant(CouncilRole.Member, "owners", 1)]);
    private static readonly Actor Two = new("u-2", [new RoleGrant(CouncilRole.Member, "owners", 1)]);
    private static readonly Actor OffRoll = new("u-9", [new RoleGrant(CouncilRole.Member, "owners", 1)]);
    private static readonly DateTimeOffset Nine = new(2026, 12, 5, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan ThreeMinutes = TimeSpan.FromMinutes(3);

    private static readonly IReadOnlyList<RoleHolder> Roll =
    [
        new("u-1", "一", CouncilRole.Member, "owners", 1m),
        new("u-2", "二", CouncilRole.Member, "owners", 1m),
        new("u-3", "三", CouncilRole.Member, "owners", 1m),
    ];

    private static Meeting Discussing(string itemId = "item-a")
    {
        var meeting = Meeting.Schedule(Clerk, Nine, "m-1", "lakeside", "owners", "业主大会", Nine, "湖边议事厅", ["item-a", "item-b"]).Meeting;
        meeting.Open(Chair);
        meeting.TakeUp(Chair, itemId, Nine);
        return meeting;
    }

    [Fact]
    public void MembersAskInTurnAndTheChairGivesTheFloorToEachInOrder()
    {
        var meeting = Discussing();

        meeting.RequestFloor(One, "u-1", Roll);
        meeting.RequestFloor(Two, "u-2", Roll);
        meeting.RequestFloor(Chair, "u-3", Roll);
        var given = meeting.GiveFloor(Chair, "u-1", Nine, ThreeMinutes, Roll);
        var next = meeting.GiveFloor(Chair, "u-2", Nine.AddSeconds(150), ThreeMinutes, Roll);

        Assert.Equal(new FloorGiven("item-a", "u-1", Nine, ThreeMinutes), Assert.Single(given));
        Assert.Equal([new SpeechEnded("item-a", "u-1", Nine, Nine.AddSeconds(150), TimeSpan.FromSeconds(150)),
            new FloorGiven("item-a", "u-2", Nine.AddSeconds(150), ThreeMinutes)], next);
        var list = meeting.SpeakersOn("item-a");
        Assert.Equal(["u-3"], list.Waiting);
        Assert.Equal("u-2", list.Speaking?.MemberId);
        Assert.Equal(TimeSpan.FromSeconds(150), Assert.Single(list.Spoken).Duration);
    }

    [Fact]
    public void AskingTwiceGivingTwiceAndEndingTwiceChangeNothing()
    {
        var meeting = Discussing();
        meeting.RequestFloor(One, "u-1", Roll);

        Assert.Empty(meeting.RequestFloor(One, "u-1", Roll));
        meeting.GiveFloor(Chair, "u-1", Nine, ThreeMinutes, Roll);
        Assert.Empty(meeting.GiveFloor(Chair, "u-1", Nine.AddMinutes(1), ThreeMinutes, Roll));
        Assert.Empty(meeting.RequestFloor(One, "u-1", Roll));
        Assert.Single(meeting.EndSpeech(Chair, "u-1", Nine.AddMinutes(2)));
        Assert.Empty(meeting.EndSpeech(Chair, "u-1", Nine.AddMinutes(3)));
        Assert.Equal(Nine.AddMinutes(2), Assert.Single(meeting.Speeches).EndedAt);
    }

    [Fact]
    public void AMemberWithdrawsTheirOwnRequestButNotAnothersUnlessChair()
    {
        var meeting = Discussing();
        meeting.RequestFloor(One, "u-1", Roll);
        meeting.RequestFloor(Two, "u-2", Roll);

        Assert.Throws<NotPermitted>(() => meeting.WithdrawFloorRequest(Two, "u-1"));
        Assert.Single(meeting.WithdrawFloorRequest(One, "u-1"));
        Assert.Empty(meeting.WithdrawFloorRequest(One, "u-1"));
        Assert.Single(meeting.WithdrawFloorRequest(Chair, "u-2"));
        Assert.Empty(meeting.SpeakersOn("item-a").Waiting);
    }

    [Fact]
    public void OnlyTheChairAddsOthersGivesAndEndsAndOnlyMembersOfTheRollSpeak()
    {
        var meeting = Discussing();

        Assert.Throws<NotPermitted>(() => meeting.RequestFloor(One, "u-2", Roll));
        Assert.Throws<NotPermitted>(() => meeting.RequestFloor(OffRoll, "u-9", Roll));
        Assert.Throws<ArgumentException>(() => meeting.RequestFloor(Chair, "u-9", Roll));
        Assert.Throws<NotPermitted>(() => meeting.GiveFloor(One, "u-1", Nine, ThreeMinutes, Roll));
        meeting.GiveFloor(Chair, "u-1", Nine, ThreeMinutes, Roll);
        Assert.Throws<NotPermitted>(() => meeting.EndSpeech(One, "u-1", Nine));
        Assert.Throws<NotPermitted>(() => meeting.CloseSpeakersList(One));
    }

    [Fact]
    public void AClosedListTakesNobodyNewButThoseOnItStillSpeak()
    {
        var meeting = Discussing();
        meeting.RequestFloor(One, "u-1", Roll);

        Assert.Equal(new SpeakersListClosed("item-a"), Assert.Single(meeting.CloseSpeakersList(Chair)));
        Assert.Empty(meeting.CloseSpeakersList(Chair));
        Assert.Throws<MeetingRuleViolation>(() => meeting.RequestFloor(Two, "u-2", Roll));
        Assert.Throws<MeetingRuleViolation>(() => meeting.GiveFloor(Chair, "u-2", Nine, ThreeMinutes, Roll));
        Assert.Single(meeting.GiveFloor(Chair, "u-1", Nine, ThreeMinutes, Roll));
        Assert.True(meeting.SpeakersOn("item-a").Closed);
    }

    [Fact]
    public void TheFloorIsOnTheItemUnderDiscussionOfAnOpenMeeting()
    {
        var scheduled = Meeting.Schedule(Clerk, Nine, "m-1", "lakeside", "owners", "业主大会", Nine, "湖边议事厅", ["item-a"]).Meeting;
        Assert.Throws<MeetingRuleViolation>(() => scheduled.RequestFloor(One, "u-1", Roll));
        scheduled.Open(Chair);

        Assert.Throws<MeetingRuleViolation>(() => scheduled.RequestFloor(One, "u-1", Roll));
    }

    [Fact]
    public void TakingUpTheNextItemOrClosingEndsTheRunningSpeechAndEachItemHasItsOwnList()
    {
        var meeting = Discussing();
        meeting.GiveFloor(Chair, "u-1", Nine, ThreeMinutes, Roll);

        Assert.Throws<MeetingRuleViolation>(() => meeting.TakeUp(Chair, "item-b"));
        var takenUp = meeting.TakeUp(Chair, "item-b", Nine.AddMinutes(4));
        meeting.RequestFloor(Two, "u-2", Roll);
        meeting.GiveFloor(Chair, "u-2", Nine.AddMinutes(5), ThreeMinutes, Roll);
        var closed = meeting.Close(Chair, Nine.AddMinutes(6));

        Assert.IsType<SpeechEnded>(takenUp[0]);
        Assert.IsType<SpeechEnded>(closed[0]);
        Assert.Equal([("item-a", "u-1", 4.0), ("item-b", "u-2", 1.0)],
            meeting.Speeches.Select(s => (s.ItemId, s.MemberId, s.Duration!.Value.TotalMinutes)));
        Assert.Null(meeting.CurrentSpeech);
    }

    [Fact]
    public void TheSpeechesReadBackFromTheEventsAsTheyWereRecorded()
    {
        var meeting = Discussing();
        var events = new List<MeetingEvent>();
        events.AddRange(meeting.RequestFloor(One, "u-1", Roll));
        events.AddRange(meeting.GiveFloor(Chair, "u-1", Nine, ThreeMinutes, Roll));
        events.AddRange(meeting.EndSpeech(Chair, "u-1", Nine.AddSeconds(200)));

        var scheduled = Meeting.Schedule(Clerk, Nine, "m-1", "lakeside", "owners", "业主大会", Nine, "湖边议事厅", ["item-a", "item-b"]);
        var replayed = Meeting.Replay([.. scheduled.Events, new MeetingOpened(), new ItemTakenUp("item-a"), .. events]);

        Assert.Equal(meeting.Speeches, replayed.Speeches);
        Assert.Equal(new Speech("item-a", "u-1", Nine, ThreeMinutes, Nine.AddSeconds(200)), Assert.Single(replayed.Speeches));
    }
}
