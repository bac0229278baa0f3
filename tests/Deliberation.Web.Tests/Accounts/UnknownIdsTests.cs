using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;
using Deliberation.Web.Meetings;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Deliberation.Web.Tests.Accounts;

/// <summary>
/// Every route that names an item, meeting or ballot, found from the app's own endpoint list: an id nobody created
/// answers 404 from the stream catalogue to whoever the route's rule lets in (others are refused first, as for any id), and
/// no grain is activated for it (none would stay in memory).
/// </summary>
public sealed class UnknownIdsTests : IDisposable
{
    private const string Unknown = "no-such-thing";

    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryRouteAnswers404ForAnUnknownIdWithoutActivatingAGrain()
    {
        var routes = NamingRoutes().ToList();
        Assert.True(routes.Count > 15, $"Only {routes.Count} routes naming an item, meeting or ballot found.");
        var callers = new Dictionary<string, HttpClient> { ["signed out"] = _app.Visitor(), ["clerk"] = await _app.SignedInAs("clerk") };
        var wrong = new List<string>();
        var found = 0;

        foreach (var (method, route, takesForms) in routes)
        foreach (var (who, client) in callers)
        {
            var url = Regex.Replace(route, @"\{\**([a-zA-Z]+)[^}]*\}", token => token.Groups[1].Value == "councilId" ? "lakeside" : Unknown);
            using var response = method == "GET" ? await client.GetAsync(url)
                : takesForms ? await client.PostAsync(url, new FormUrlEncodedContent([]))
                : await client.PostAsJsonAsync(url, new { });
            // A caller the rule refuses is refused first (401, 403, or the sign-in page), whether the id exists or not.
            if (response.StatusCode is HttpStatusCode.NotFound) found++;
            else if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect))
                wrong.Add($"{method} {url} as {who}: {(int)response.StatusCode}");
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.True(found > routes.Count / 2, $"Only {found} answers were 404.");
        var grains = _app.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        Assert.Null(await management.GetActivationAddress(grains.GetGrain<IAgendaItemGrain>(Unknown)));
        Assert.Null(await management.GetActivationAddress(grains.GetGrain<IMeetingGrain>(Unknown)));
        Assert.Null(await management.GetActivationAddress(grains.GetGrain<IBallotGrain>(Unknown)));
        Assert.Null(await management.GetActivationAddress(grains.GetGrain<ICouncilGrain>(Unknown)));
    }

    [Fact]
    public async Task AnUnknownCouncilActivatesNoGrain()
    {
        await (await _app.Visitor().GetAsync($"/api/councils/{Unknown}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await (await _app.SignedInAs("clerk")).GetAsync($"/api/councils/{Unknown}/items")).ExpectProblem(HttpStatusCode.NotFound);

        var grains = _app.Services.GetRequiredService<IGrainFactory>();
        Assert.Null(await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<ICouncilGrain>(Unknown)));
    }

    [Fact]
    public async Task AKnownItemMeetingAndBallotStillAnswer()
    {
        var clerk = await _app.SignedInAs("clerk");
        var (meeting, ballot) = await _app.PartyMeetingVotingAsync();

        await (await clerk.GetAsync("/api/councils/lakeside/items/item-demo-lights")).Expect(HttpStatusCode.OK);
        await (await clerk.GetAsync(meeting)).Expect(HttpStatusCode.OK);
        await (await clerk.GetAsync(ballot)).Expect(HttpStatusCode.OK);
    }

    private IEnumerable<(string Method, string Route, bool TakesForms)> NamingRoutes()
    {
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            if (pattern.GetParameter("councilId") is null) continue;
            if (new[] { "itemId", "meetingId", "ballotId" }.All(name => pattern.GetParameter(name) is null)) continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var takesForms = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes
                .Any(t => t.Contains("form")) == true;
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
                yield return (method, "/" + pattern.RawText!.TrimStart('/'), takesForms);
        }
    }
}
