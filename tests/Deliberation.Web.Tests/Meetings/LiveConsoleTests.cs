using Bunit;
using Deliberation.Domain.Ballots;
using Deliberation.Web.Ballots;
using Deliberation.Web.Meetings;

namespace Deliberation.Web.Tests.Meetings;

public sealed class LiveConsoleTests : LiveScreenContext
{
    [Fact]
    public async Task OpensTheMeetingOnlyOnceTheChairConfirms()
    {
        var console = await RenderAsync<LiveConsole>("chair");

        console.Find("#open-meeting").Click();
        var scheduled = console.Find("#console-status").TextContent;
        console.Find(".confirm button.danger").Click();

        Assert.Equal("已安排", scheduled);
        console.WaitForAssertion(() => Assert.Equal("进行中", console.Find("#console-status").TextContent), Patience);
    }

    [Fact]
    public async Task ShowsSelfCheckInsTurnoutAndWhoVotedWhatAsTheyHappen()
    {
        var console = await RenderAsync<LiveConsole>("chair");
        var chair = await AsAsync("chair");
        await chair.OpenMeetingAsync(CouncilId, MeetingId);

        await (await AsAsync("member1")).CheckInAsync(CouncilId, MeetingId);
        console.WaitForAssertion(() => Assert.Contains("出席 1 / 5", console.Find("#console-present").TextContent), Patience);
        // The push carried the count and the one check-in; the roll call lists who it was.
        console.WaitForAssertion(() => Assert.Single(console.FindAll("table.people tbody tr td:first-of-type"), td => td.TextContent.Trim() == "出席"), Patience);

        await chair.MarkAllPresentAsync(CouncilId, MeetingId);
        await chair.TakeUpAsync(CouncilId, MeetingId, await FirstItemAsync());
        await chair.OpenBallotAsync(CouncilId, MeetingId);
        console.WaitForAssertion(() => Assert.Contains("已投 0 票", console.Find("#console-turnout").TextContent), Patience);
        await (await AsAsync("member2")).CastVoteAsync(CouncilId, await LatestBallotAsync(), new CastVote(VoteChoice.For, "m2", null));

        console.WaitForAssertion(() => Assert.Contains("已投 1 票，共 5 人可投", console.Find("#console-turnout").TextContent), Patience);

        await chair.CloseBallotAsync(CouncilId, await LatestBallotAsync());
        // The closing push says a named vote exists; the console reads who cast it.
        console.WaitForAssertion(() => Assert.Contains("赞成", Assert.Single(console.FindAll("#console-result ul.list li")).TextContent), Patience);
        Assert.DoesNotContain("见会议页", console.Find("#console-result").TextContent);
    }
}
