using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Accounts;

/// <summary>
/// Every route that names a council, API or page, found from the app's own endpoint list: an unknown council answers
/// 404 to everyone, signed in or not, and nothing is recorded.
/// </summary>
public sealed class UnknownCouncilTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("no-such-council")]
    [InlineData("Not_A_Council")]
    public async Task EveryCouncilRouteAnswers404ForAnUnknownCouncil(string councilId)
    {
        var routes = CouncilRoutes().ToList();
        Assert.True(routes.Count > 30, $"Only {routes.Count} council routes found.");
        var callers = new Dictionary<string, HttpClient> { ["signed out"] = _app.Visitor(), ["clerk"] = await _app.SignedInAs("clerk"), ["admin"] = await _app.SignedInAs("admin") };
        var before = await _app.CountEventsAsync();
        var wrong = new List<string>();

        foreach (var (method, route, takesForms) in routes)
        foreach (var (who, client) in callers)
        {
            var url = Regex.Replace(route, @"\{\**([a-zA-Z]+)[^}]*\}", token => token.Groups[1].Value == "councilId" ? councilId : "sample");
            using var response = method == "GET" ? await client.GetAsync(url)
                : takesForms ? await client.PostAsync(url, new FormUrlEncodedContent([]))
                : await client.PostAsJsonAsync(url, new { });
            if (response.StatusCode != HttpStatusCode.NotFound || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                wrong.Add($"{method} {url} as {who}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task AKnownCouncilStillAnswers()
    {
        await (await _app.Visitor().GetAsync("/api/councils/lakeside/meetings")).Expect(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await _app.Visitor().GetAsync("/councils/lakeside")).StatusCode);
    }

    private IEnumerable<(string Method, string Route, bool TakesForms)> CouncilRoutes()
    {
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.GetParameter("councilId") is null) continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var takesForms = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes
                .Any(t => t.Contains("form")) == true;
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
                yield return (method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), takesForms);
        }
    }
}
