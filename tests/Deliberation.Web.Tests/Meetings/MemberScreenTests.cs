using Bunit;
using Deliberation.Web.Meetings;

namespace Deliberation.Web.Tests.Meetings;

public sealed class MemberScreenTests : LiveScreenContext
{
    [Fact]
    public async Task AMemberChecksInFromTheirPhoneOnceTheMeetingOpens()
    {
        var phone = await RenderAsync<MemberScreen>("member1");
        Assert.Empty(phone.FindAll("#check-in"));

        await (await AsAsync("chair")).OpenMeetingAsync(CouncilId, MeetingId);
        phone.WaitForElement("#check-in", Patience).Click();

        phone.WaitForElement("#checked-in", Patience);
        Assert.Contains("出席 1 / 5", phone.Markup);
    }

    [Fact]
    public async Task VoteButtonsAppearWhenTheBallotOpensAndTheVoteGetsAReceiptThenTheResultShows()
    {
        var phone = await RenderAsync<MemberScreen>("member1");
        var chair = await BallotOpenAsync();

        phone.WaitForElement(".vote-for", Patience).Click();
        phone.WaitForAssertion(() => Assert.Contains("您的投票已记录", phone.Find(".receipt").TextContent), Patience);
        Assert.Empty(phone.FindAll(".vote-buttons"));

        await chair.CloseBallotAsync(CouncilId, await LatestBallotAsync());
        phone.WaitForAssertion(() => Assert.Contains("未通过", phone.Markup), Patience);
        // The phone got the result, not who voted what: that is one link away, on the meeting page.
        Assert.Empty(phone.FindAll("ul.list li"));
        Assert.Equal($"/councils/{CouncilId}/meetings/{MeetingId}#ballot-{await LatestBallotAsync()}",
            phone.Find("a[href*='#ballot-']").GetAttribute("href"));
    }
}
