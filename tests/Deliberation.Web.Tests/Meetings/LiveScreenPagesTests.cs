using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>The live screens as first served: only they load Blazor's script; the rest of the site stays script-free.</summary>
public sealed class LiveScreenPagesTests : IDisposable
{
    private const string Meeting = "/councils/lakeside/meetings/meeting-demo-next";
    private readonly CouncilApp _app = new();

    [Fact]
    public async Task OnlyTheLiveScreensLoadTheFrameworkScript()
    {
        var chair = await _app.SignedInAs("chair");

        foreach (var page in new[] { "/", "/councils/lakeside", Meeting })
            Assert.DoesNotContain("<script", await chair.GetStringAsync(page));
        foreach (var screen in new[] { "console", "member", "display" })
            Assert.Contains("<script src=\"_framework/blazor.web.js\"></script>", await chair.GetStringAsync($"{Meeting}/{screen}"));
    }

    [Fact]
    public async Task TheWallIsPublicTheMemberPageAsksToSignInAndTheConsoleIsTheChairs()
    {
        var visitor = _app.Visitor();
        var resident = await _app.SignedInAs("resident");
        var member = await _app.SignedInAs("member1");

        var wall = await visitor.GetAsync($"{Meeting}/display");
        var phoneSignedOut = await visitor.GetAsync($"{Meeting}/member");
        var consoleForResident = await resident.GetAsync($"{Meeting}/console");
        var consoleForMember = await member.GetAsync($"{Meeting}/console");

        Assert.Equal(HttpStatusCode.OK, wall.StatusCode);
        Assert.Contains("data:image/png;base64,", await wall.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, phoneSignedOut.StatusCode);
        Assert.StartsWith("/account/sign-in", phoneSignedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, consoleForResident.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, consoleForMember.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
