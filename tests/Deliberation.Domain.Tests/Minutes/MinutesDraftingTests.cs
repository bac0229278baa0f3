using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Meetings;
using Deliberation.Domain.Minutes;

namespace Deliberation.Domain.Tests.Minutes;

public sealed class MinutesDraftingTests
{
    private static readonly Actor Clerk = new("clerk", [new RoleGrant(CouncilRole.Clerk, null, 1), new RoleGrant(CouncilRole.Chair, null, 1)]);
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<RoleHolder> Roll =
    [
        new("a", "A", CouncilRole.Member, "body", 1), new("b", "B", CouncilRole.Member, "body", 1),
        new("c", "C", CouncilRole.Member, "body", 1), new("d", "D", CouncilRole.Member, "body", 1),
    ];

    private static readonly Dictionary<string, string> Names = new() { ["a"] = "阿 A", ["b"] = "贝 B", ["c"] = "策 C", ["d"] = "德 D" };

    [Fact]
    public void HoldsAttendanceQuorumItemsWithTheirStepAndWhoVotedWhat()
    {
        var sources = Sources(BallotKind.Named);

        var draft = MinutesDrafting.Draft(sources);

        Assert.Equal(MeetingStatus.Closed, draft.Status);
        Assert.Equal([Attendance.Present, Attendance.Absent, Attendance.Proxy, Attendance.Excused],
            draft.Attendance.OrderBy(a => a.UserId).Select(a => a.Attendance!.Value));
        Assert.Equal("b", draft.Attendance.Single(a => a.UserId == "c").ProxyFor);
        Assert.Equal(new Count(4, 4), draft.Quorum.Roll);
        Assert.Equal(3, draft.Quorum.Present.Members);
        Assert.True(draft.Quorum.Held);
        var item = Assert.Single(draft.Items, i => i.TakenUp);
        Assert.Equal("路灯", item.Title);
        Assert.Equal("proposal", item.StepId);
        Assert.False(draft.Items.Single(i => i.ItemId == "item-2").TakenUp);
        var ballot = Assert.Single(draft.Ballots);
        Assert.True(ballot.Passes);
        Assert.Equal(2, ballot.Tally!.For.Members);
        Assert.Equal(VoteChoice.Against, ballot.Votes.Single(v => v.VoterId == "b").Choice);
        Assert.Equal("策 C", ballot.Votes.Single(v => v.VoterId == "b").CastByName);
    }

    [Fact]
    public void RecordsWhoSpokeOnWhichItemAndForHowLong()
    {
        var draft = MinutesDrafting.Draft(Sources(BallotKind.Named));

        var speech = Assert.Single(draft.Speeches);
        Assert.Equal(("a", "item-1", T0.AddMinutes(12), TimeSpan.FromMinutes(2)), (speech.SpeakerId, speech.ItemId, speech.At, speech.Duration));
    }

    [Fact]
    public void APaperBallotKeepsCountsOnly()
    {
        var draft = MinutesDrafting.Draft(Sources(BallotKind.Paper));

        var ballot = Assert.Single(draft.Ballots);
        Assert.Empty(ballot.Votes);
        Assert.True(ballot.HandCounted);
        Assert.Equal(2, ballot.Tally!.For.Members);
    }

    [Fact]
    public void RecordsTheResolutionsItemsTookAtThisMeetingOnly()
    {
        var sources = Sources(BallotKind.Named);
        var tally = Tally.Create(new(4, 4), new(3, 3), new(2, 2), new(1, 1), new(0, 0));
        var items = new Dictionary<string, IReadOnlyList<Timed<AgendaItemEvent>>>(sources.Items)
        {
            ["item-1"] = [.. sources.Items["item-1"], new(new ResolutionAdopted("vote", "simple-majority", tally, true, "meeting-1"), T0.AddHours(2)),
                new(new ResolutionAdopted("vote2", "simple-majority", tally, true, "meeting-other"), T0.AddDays(9))],
        };

        var draft = MinutesDrafting.Draft(sources with { Items = items });

        var resolution = Assert.Single(draft.Resolutions);
        Assert.Equal(("item-1", "vote", true), (resolution.ItemId, resolution.StepId, resolution.Adopted));
    }

    private static MinutesSources Sources(BallotKind kind)
    {
        var meeting = new List<Timed<MeetingEvent>>();
        void Add(IEnumerable<MeetingEvent> events, int minutes) => meeting.AddRange(events.Select(e => new Timed<MeetingEvent>(e, T0.AddMinutes(minutes))));
        var (m, scheduled) = Meeting.Schedule(Clerk, T0.AddDays(-3), "meeting-1", "lakeside", "body", "村民代表会议", T0, "议事厅", ["item-1", "item-2"]);
        Add(scheduled, -3 * 24 * 60);
        Add(m.Open(Clerk), 0);
        Add(m.RecordAttendance(Clerk, "a", Attendance.Present, null, Roll), 1);
        Add(m.RecordAttendance(Clerk, "b", Attendance.Absent, null, Roll), 1);
        Add(m.RecordAttendance(Clerk, "c", Attendance.Proxy, "b", Roll), 1);
        Add(m.RecordAttendance(Clerk, "d", Attendance.Excused, null, Roll), 1);
        Add(m.TakeUp(Clerk, "item-1"), 10);
        Add(m.RequestFloor(new Actor("a", [new RoleGrant(CouncilRole.Member, "body", 1)]), "a", Roll), 11);
        Add(m.GiveFloor(Clerk, "a", T0.AddMinutes(12), TimeSpan.FromMinutes(3), Roll), 12);
        Add(m.EndSpeech(Clerk, "a", T0.AddMinutes(14)), 14);
        Add(m.HoldBallot(Clerk, "ballot-1", null, false), 20);
        Add(m.Close(Clerk), 60);

        var rule = DecisionRuleCatalog.Find("simple-majority");
        var (ballot, opened) = Ballot.Open(Clerk, "ballot-1", "lakeside", "meeting-1", "item-1", "body", rule, new Count(4, 4), m.Voters(Roll),
            BallotTerms.Motion(kind: kind));
        var ballotEvents = opened.ToList();
        if (kind == BallotKind.Named)
        {
            ballotEvents.AddRange(ballot.Cast(new Actor("a", [new RoleGrant(CouncilRole.Member, "body", 1)]), null, VoteChoice.For, "v1"));
            ballotEvents.AddRange(ballot.Cast(new Actor("c", [new RoleGrant(CouncilRole.Member, "body", 1)]), null, VoteChoice.For, "v2"));
            ballotEvents.AddRange(ballot.Cast(new Actor("c", [new RoleGrant(CouncilRole.Member, "body", 1)]), "b", VoteChoice.Against, "v3"));
            ballotEvents.AddRange(ballot.Close(Clerk, rule));
        }
        else
        {
            ballotEvents.AddRange(ballot.CloseByHand(Clerk, rule, new BallotHandCounted(new(2, 2), new(1, 1), Count.Zero, [], ["a", "b"])));
        }

        var template = Deliberation.Domain.Process.ProcessTemplateCatalog.Latest("siyi-liang-gongkai");
        var (item, submitted) = AgendaItem.Submit(new Actor("r", [new RoleGrant(CouncilRole.Resident, null, 1)]), "item-1", "lakeside", "路灯",
            "修路灯", "设施", "湖边", null);
        var itemEvents = submitted.Select(e => new Timed<AgendaItemEvent>(e, T0.AddDays(-5))).ToList();
        itemEvents.AddRange(item.Accept(Clerk, template, null).Select(e => new Timed<AgendaItemEvent>(e, T0.AddDays(-4))));
        // After the meeting the item moves on; the minutes keep the step it stood at when taken up.
        itemEvents.AddRange(item.RecordProposal(Clerk, "换灯", ["换", "不换"], "居民").Select(e => new Timed<AgendaItemEvent>(e, T0.AddDays(1))));
        itemEvents.AddRange(item.CompleteStep(Clerk).Select(e => new Timed<AgendaItemEvent>(e, T0.AddDays(1))));

        return new MinutesSources(meeting, new MinutesBody("body", new("代表会议", "Representatives"), "simple-majority", true), Roll,
            [ballotEvents], new Dictionary<string, IReadOnlyList<Timed<AgendaItemEvent>>> { ["item-1"] = itemEvents }, Names);
    }
}
