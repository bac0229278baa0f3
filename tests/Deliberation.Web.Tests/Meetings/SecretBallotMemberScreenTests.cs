using Bunit;
using Deliberation.Web.Meetings;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>The member's phone on a secret ballot: the receipt after voting, and after closing the link to check it.</summary>
public sealed class SecretBallotMemberScreenTests : LiveScreenContext
{
    [Fact]
    public async Task TheReceiptShowsAfterVotingAndStaysWithACheckLinkAfterClosing()
    {
        var phone = await RenderAsync<MemberScreen>("member1");
        var chair = await AsAsync("chair");
        await chair.OpenMeetingAsync(CouncilId, MeetingId);
        await chair.MarkAllPresentAsync(CouncilId, MeetingId);
        await chair.TakeUpAsync(CouncilId, MeetingId, await FirstItemAsync());
        var http = await App.SignedInAs("chair");
        await (await http.Post($"/api/councils/{CouncilId}/meetings/{MeetingId}/ballots", new { kind = "Secret" })).Expect(System.Net.HttpStatusCode.Created);

        phone.WaitForElement(".vote-for", Patience).Click();
        phone.WaitForAssertion(() => Assert.Contains("您的凭据", phone.Find(".receipt").TextContent), Patience);
        var receipt = phone.Find(".receipt code").TextContent;
        await chair.CloseBallotAsync(CouncilId, await LatestBallotAsync());

        phone.WaitForAssertion(() => Assert.Contains($"published?receipt={receipt}", phone.Markup), Patience);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", receipt);
        Assert.Contains("核对我的凭据", phone.Markup);
    }
}
