using Bunit;
using Deliberation.Web.Meetings;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>The list of speakers on the console, the wall and the member's phone, each following the others' actions.</summary>
public sealed class SpeakersListScreensTests : LiveScreenContext
{
    private async Task<LiveMeetingActions> DiscussingAsync()
    {
        var chair = await AsAsync("chair");
        await chair.OpenMeetingAsync(CouncilId, MeetingId);
        await chair.TakeUpAsync(CouncilId, MeetingId, await FirstItemAsync());
        return chair;
    }

    private async Task<string> IdOfAsync(string displayName) => (await App.UserIdsAsync())[displayName];

    [Fact]
    public async Task TheConsoleSeesAMembersRequestAndGivesThemTheFloorWithTheirTime()
    {
        var console = await RenderAsync<LiveConsole>("chair");
        await DiscussingAsync();

        await (await AsAsync("member1")).RequestFloorAsync(CouncilId, MeetingId);
        console.WaitForAssertion(() => Assert.Contains("张代表", console.Find("#console-waiting").TextContent), Patience);
        console.Find("#console-waiting button").Click();

        console.WaitForAssertion(() => Assert.Contains("张代表", console.Find("#console-speaking").TextContent), Patience);
        Assert.Matches("^[23]:[0-5][0-9]$", console.Find("#console-clock").TextContent);
        Assert.Contains("每人 3 分钟", console.Find("#floor-title").TextContent);
        console.Find("#end-speech").Click();
        console.WaitForAssertion(() => Assert.Contains("张代表", console.Find("#console-spoken").TextContent), Patience);
    }

    [Fact]
    public async Task TheWallShowsTheSpeakerAndCountsDownOnItsOwnClock()
    {
        var wall = await RenderAsync<HallDisplay>(null);
        var chair = await DiscussingAsync();

        await chair.GiveFloorAsync(CouncilId, MeetingId, await IdOfAsync("张代表 Rep. Zhang"));
        wall.WaitForAssertion(() => Assert.Equal("张代表 Rep. Zhang", wall.Find("#hall-speaker").TextContent), Patience);
        Assert.Contains("张代表", wall.Find("#hall-announcement").TextContent);
        App.Clock.Advance(TimeSpan.FromMinutes(4));

        // Nothing is pushed while the member speaks: the wall's own timer shows the time running out.
        wall.WaitForAssertion(() => Assert.StartsWith("超时 1:", wall.Find("#hall-clock").TextContent), Patience);
        Assert.Contains("over", wall.Find("#hall-clock").ClassName);
    }

    [Fact]
    public async Task AMemberAsksForTheFloorFromTheirPhoneAndWithdraws()
    {
        var phone = await RenderAsync<MemberScreen>("member1");
        await DiscussingAsync();

        phone.WaitForElement("#request-floor", Patience).Click();
        phone.WaitForAssertion(() => Assert.Contains("排第 1 位", phone.Find("#your-place").TextContent), Patience);
        phone.Find("#withdraw-floor").Click();

        phone.WaitForElement("#request-floor", Patience);
    }

    [Fact]
    public async Task TheChairClosesTheListOnlyOnceConfirmedAndNobodyJoinsItAfter()
    {
        var console = await RenderAsync<LiveConsole>("chair");
        await DiscussingAsync();

        console.WaitForElement("#close-speakers", Patience).Click();
        Assert.Contains("无法撤销", console.WaitForElement(".confirm", Patience).TextContent);
        Assert.Empty(console.FindAll("#console-list-closed"));
        console.Find(".confirm button.danger").Click();

        console.WaitForElement("#console-list-closed", Patience);
        await Assert.ThrowsAsync<Deliberation.Domain.Meetings.MeetingRuleViolation>(async () =>
            await (await AsAsync("member2")).RequestFloorAsync(CouncilId, MeetingId));
    }

    [Fact]
    public async Task ThePhoneOffersNoRequestOnceTheListIsClosed()
    {
        var phone = await RenderAsync<MemberScreen>("member2");
        var chair = await DiscussingAsync();
        phone.WaitForElement("#request-floor", Patience);

        await chair.CloseSpeakersListAsync(CouncilId, MeetingId);

        phone.WaitForElement("#member-list-closed", Patience);
        Assert.Empty(phone.FindAll("#request-floor"));
    }
}
