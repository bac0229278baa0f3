using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Councils;

/// <summary>Roles are named, never numbered: a number that names no role is refused and nothing is granted.</summary>
public sealed class RoleInputTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(99)]
    [InlineData(2)]
    [InlineData("99")]
    [InlineData("Chair\u0000")]
    public async Task RefusesARoleGivenAsANumberOrAnUnknownName(object role)
    {
        var clerk = await _app.SignedInAs("clerk");
        var visitor = await VisitorIdAsync();
        var before = await _app.CountEventsAsync();

        await (await clerk.Post($"{CouncilAppSteps.Council}/roles", new { userId = visitor, displayName = "访客", role, reason = "测试" }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task RefusesARoleNumberFromThePeopleForm()
    {
        var clerk = await _app.SignedInAs("clerk");
        var page = await clerk.GetStringAsync("/councils/lakeside/people");
        var before = await _app.CountEventsAsync();

        var posted = await clerk.PostAsync("/councils/lakeside/people/grant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = "visitor", ["Role"] = "99", ["Reason"] = "测试", ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        }));

        Assert.StartsWith("/councils/lakeside/people?error=", posted.Headers.Location?.OriginalString);
        Assert.Equal(before, await _app.CountEventsAsync());
        var roles = await (await clerk.GetAsync($"{CouncilAppSteps.Council}/roles")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(roles.EnumerateArray(), r => r.GetProperty("role").GetString() == "99");
    }

    [Fact]
    public async Task StillGrantsARoleGivenByName()
    {
        var clerk = await _app.SignedInAs("clerk");
        var visitor = await VisitorIdAsync();

        await (await clerk.Post($"{CouncilAppSteps.Council}/roles", new { userId = visitor, displayName = "访客", role = "Reviewer", reason = "测试" }))
            .Expect(HttpStatusCode.NoContent);
    }

    private async Task<string> VisitorIdAsync()
    {
        var me = await (await (await _app.SignedInAs("visitor")).GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        return me.GetProperty("id").GetString()!;
    }
}
