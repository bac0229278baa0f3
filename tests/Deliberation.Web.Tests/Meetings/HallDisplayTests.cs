using Bunit;
using Deliberation.Domain.Ballots;
using Deliberation.Web.Ballots;
using Deliberation.Web.Meetings;

namespace Deliberation.Web.Tests.Meetings;

public sealed class HallDisplayTests : LiveScreenContext
{
    [Fact]
    public async Task ShowsTheCurrentItemAttendanceAndTurnoutToTheCouncilAsTheyChange()
    {
        var wall = await RenderAsync<HallDisplay>("member4");

        await BallotOpenAsync();
        wall.WaitForAssertion(() => Assert.Equal("5 / 5", wall.Find("#hall-present").TextContent), Patience);
        await (await AsAsync("member1")).CastVoteAsync(CouncilId, await LatestBallotAsync(), new CastVote(VoteChoice.For, "w1", null));

        wall.WaitForAssertion(() => Assert.Contains("已投 1 票，共 5 人可投", wall.Find("#hall-turnout").TextContent), Patience);
        Assert.Equal("村口停车位规划", wall.Find("#hall-current-item").TextContent);
        Assert.NotEmpty(wall.Find("#hall-announcement").TextContent);
        Assert.StartsWith("data:image/png;base64,", wall.Find(".hall-qr img").GetAttribute("src"));
    }

    [Fact]
    public async Task SignedOutItShowsAnUndisclosedItemOnlyAsSuchAndNoBallotOnIt()
    {
        var wall = await RenderAsync<HallDisplay>(null);

        await BallotOpenAsync();

        wall.WaitForAssertion(() => Assert.Equal("5 / 5", wall.Find("#hall-present").TextContent), Patience);
        wall.WaitForElement("#hall-current-item", Patience);
        Assert.DoesNotContain("村口停车位规划", wall.Markup);
        Assert.Empty(wall.FindAll("#hall-turnout"));
    }
}
