using System.Net;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Ballots;

/// <summary>The vote form on a page, as a member without script meets it when storage fails under them.</summary>
public sealed class BallotCardTests
{
    [Fact]
    public async Task AVoteFormDrawnAgainAfterStorageFailedKeepsItsClientVoteIdSoTheResendCountsOnce()
    {
        using var app = new CouncilApp().WrapEventLog(log => new GatedEventLog(log));
        var (meeting, ballot) = await app.PartyMeetingVotingAsync();
        var page = meeting.Replace("/api", "", StringComparison.Ordinal);
        var chair = await app.SignedInAs("chair");
        var log = (GatedEventLog)app.Services.GetRequiredService<IEventLog>();
        var form = Fields(await chair.GetStringAsync(page));

        log.FailNext("ballot-");
        var failed = await Post(chair, page, form);
        var drawnAgain = Html.Parse(await chair.GetStringAsync(failed.Headers.Location!.OriginalString));
        var again = Fields(drawnAgain.DocumentElement.OuterHtml);
        var resent = await Post(chair, page, again);
        var closed = await (await chair.Post($"{ballot}/close")).Expect(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        Assert.Contains("什么也没有记录", drawnAgain.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(form["ClientVoteId"], again["ClientVoteId"]);
        Assert.Equal($"{page}?done=vote", resent.Headers.Location?.OriginalString);
        Assert.Equal(1, closed.GetProperty("votesCast").GetInt32());
    }

    [Fact]
    public async Task AVoteFormIsDrawnWithAFreshClientVoteIdOtherwise()
    {
        using var app = new CouncilApp();
        var (meeting, _) = await app.PartyMeetingVotingAsync();
        var page = meeting.Replace("/api", "", StringComparison.Ordinal);
        var chair = await app.SignedInAs("chair");

        var first = Fields(await chair.GetStringAsync(page));
        var second = Fields(await chair.GetStringAsync($"{page}?resend={Uri.EscapeDataString("vote.other-ballot.x:abc")}"));

        Assert.NotEqual(first["ClientVoteId"], second["ClientVoteId"]);
    }

    /// <summary>The chair's own vote form (the first on the page), with a choice and the page's antiforgery token.</summary>
    private static Dictionary<string, string> Fields(string html)
    {
        var page = Html.Parse(html);
        var fields = page.QuerySelector("form.vote")!.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Choice"] = "For";
        return fields;
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string page, Dictionary<string, string> fields) =>
        client.PostAsync($"{page}/act", new FormUrlEncodedContent(fields));
}
