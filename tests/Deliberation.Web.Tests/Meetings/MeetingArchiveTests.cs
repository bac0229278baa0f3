using System.Net;
using Deliberation.Web.Tests.Hosting;
using Deliberation.Web.Tests.Minutes;

namespace Deliberation.Web.Tests.Meetings;

public sealed class MeetingArchiveTests(MinutesApp app) : IClassFixture<MinutesApp>
{
    [Fact]
    public async Task TheArchiveListsEveryClosedMeetingWithItsAgendaAttendanceBallotsAndMinutes()
    {
        var held = await ClosedMeeting.HoldAsync(app);

        var response = await app.Visitor().GetAsync("/councils/lakeside/meetings/archive");

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var page = Html.Parse(html);
        var past = page.QuerySelector("#past-meeting-demo-past")!.ParentElement!;
        Assert.Contains("垃圾分类亭选址", past.TextContent);
        Assert.NotNull(past.QuerySelector("a[href='/councils/lakeside/meetings/meeting-demo-past/minutes']"));
        var ours = page.QuerySelector($"#past-{held}")!.ParentElement!;
        Assert.Contains("出席 1 · 代理 1 · 请假 0 · 缺席 1", ours.TextContent);
        Assert.Equal(2, ours.QuerySelectorAll("h3").Length);
        Assert.Contains("垃圾分类亭选址", ours.QuerySelectorAll("ul.list li").Single().TextContent);
        Assert.Null(ours.QuerySelector("a[href$='/minutes']"));
        // Scheduled meetings are not past ones.
        Assert.Null(page.QuerySelector("#past-meeting-demo-next"));
        var home = Html.Parse(await app.Visitor().GetStringAsync("/councils/lakeside"));
        Assert.NotNull(home.QuerySelector("a[href='/councils/lakeside/meetings/archive']"));
    }
}
