using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Reflection;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Web.Accounts;
using Deliberation.Web.Ballots;
using Deliberation.Web.Demo;
using Deliberation.Web.Meetings;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Accounts;

/// <summary>
/// Every endpoint the app maps, called by every demo role and by a visitor who is signed out. The expectation comes from
/// the endpoint's own access rule; an endpoint without a rule fails here, so nothing new can slip in unguarded.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private static readonly string[] Identities = ["anonymous", .. DemoPeople.All.Select(p => p.UserName)];
    private readonly CouncilApp _app = new();
    private readonly Dictionary<string, HttpClient> _clients = new();
    private readonly Dictionary<string, string> _routeValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["councilId"] = "lakeside", ["itemId"] = "item-demo-kiosks", ["meetingId"] = "meeting-demo-next",
        ["templateId"] = "siyi-liang-gongkai", ["code"] = "en", ["documentName"] = "v1", ["ballotId"] = "ballot-sample",
    };

    public async Task InitializeAsync()
    {
        foreach (var identity in Identities) _clients[identity] = await ClientFor(identity);
        var resident = await (await _clients["resident"].GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        _routeValues["userId"] = resident.GetProperty("id").GetString()!;
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void EveryEndpointHasAnAccessRule()
    {
        var unguarded = Endpoints().Where(e => e.Rule is null).Select(e => e.Route).ToList();

        Assert.True(unguarded.Count == 0, "Endpoints without an access rule: " + string.Join(", ", unguarded));
    }

    [Fact]
    public async Task EveryEndpointRefusesExactlyThoseItsRuleExcludes()
    {
        var mismatches = new List<string>();
        var endpoints = Endpoints().Where(e => e.Rule is not null).ToList();
        Assert.True(endpoints.Count > 40, $"Only {endpoints.Count} endpoints found.");

        foreach (var endpoint in endpoints)
        foreach (var identity in Identities)
        {
            var expected = Permits(endpoint.Rule!, identity);
            var eventsBefore = await _app.CountEventsAsync();
            var (refused, status) = await CallAsync(endpoint, identity);
            if (refused && await _app.CountEventsAsync() != eventsBefore) mismatches.Add($"{endpoint.Method} {endpoint.Route} as {identity}: refused, yet the log grew");
            if (refused == expected) mismatches.Add($"{endpoint.Method} {endpoint.Route} as {identity}: {(refused ? "refused" : "allowed")} ({status}), rule {endpoint.Rule}: {_lastBody}");
            if (endpoint.Route.Contains("sign-out")) _clients[identity] = await ClientFor(identity);
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void EveryHubMethodHasAnAccessRule()
    {
        var hubs = Hubs().ToList();
        Assert.NotEmpty(hubs);

        var unguarded = hubs.SelectMany(h => HubMethods(h.Type)).Where(m => m.GetCustomAttribute<AccessAttribute>() is null)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();

        Assert.True(unguarded.Count == 0, "Hub methods without an access rule: " + string.Join(", ", unguarded));
    }

    [Fact]
    public async Task EveryHubMethodRefusesExactlyThoseItsRuleExcludes()
    {
        var mismatches = new List<string>();
        foreach (var (type, path) in Hubs())
        foreach (var identity in Identities)
        {
            await using var connection = await _app.HubAsync(path, identity == "anonymous" ? null : identity);
            foreach (var method in HubMethods(type))
            {
                var expected = Permits(method.GetCustomAttribute<AccessAttribute>()!, identity);
                var eventsBefore = await _app.CountEventsAsync();
                string outcome;
                bool refused;
                try
                {
                    await connection.InvokeCoreAsync(method.Name, typeof(object), method.GetParameters().Select(HubArgument).ToArray());
                    (refused, outcome) = (false, "ok");
                }
                catch (HubException e)
                {
                    // SignalR sends a HubException's own message after its standard preface.
                    (refused, outcome) = (e.Message.Contains($"HubException: {AccessGate.RefusalTitle}:"), e.Message);
                }
                if (refused && await _app.CountEventsAsync() != eventsBefore) mismatches.Add($"{path} {method.Name} as {identity}: refused, yet the log grew");
                if (refused == expected) mismatches.Add($"{path} {method.Name} as {identity}: {(refused ? "refused" : "allowed")} ({outcome})");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void EveryLiveScreenActionHasAnAccessRule()
    {
        var unguarded = LiveActions().Where(m => m.GetCustomAttribute<AccessAttribute>() is null).Select(m => m.Name).ToList();

        Assert.NotEmpty(LiveActions());
        Assert.True(unguarded.Count == 0, "Live screen actions without an access rule: " + string.Join(", ", unguarded));
    }

    /// <summary>A live screen's event handlers act through <see cref="LiveMeetingActions"/>, as the circuit's user.</summary>
    [Fact]
    public async Task EveryLiveScreenActionRefusesExactlyThoseItsRuleExcludes()
    {
        var mismatches = new List<string>();
        var grains = _app.Services.GetRequiredService<Orleans.IGrainFactory>();
        foreach (var identity in Identities)
        {
            var actions = new LiveMeetingActions(grains, _app.Services.GetRequiredService<CouncilActorCache>(), await CircuitUsers.AuthenticationAsync(_app, identity == "anonymous" ? null : identity));
            foreach (var method in LiveActions())
            {
                var expected = Permits(method.GetCustomAttribute<AccessAttribute>()!, identity);
                var eventsBefore = await _app.CountEventsAsync();
                string outcome;
                bool refused;
                try
                {
                    await (Task)method.Invoke(actions, method.GetParameters().Select(LiveArgument).ToArray())!;
                    (refused, outcome) = (false, "ok");
                }
                catch (AccessRefused e) { (refused, outcome) = (true, e.Message); }
                catch (Exception e) { (refused, outcome) = (false, e.GetType().Name + ": " + e.Message); }
                if (refused && await _app.CountEventsAsync() != eventsBefore) mismatches.Add($"{method.Name} as {identity}: refused, yet the log grew");
                if (refused == expected) mismatches.Add($"{method.Name} as {identity}: {(refused ? "refused" : "allowed")} ({outcome})");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private static IEnumerable<MethodInfo> LiveActions() => typeof(LiveMeetingActions)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

    private object? LiveArgument(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(Deliberation.Domain.Meetings.Attendance) ? Deliberation.Domain.Meetings.Attendance.Present
        : parameter.ParameterType == typeof(CastVote) ? new CastVote(VoteChoice.For, "matrix", null)
        : parameter.ParameterType == typeof(string) ? _routeValues.GetValueOrDefault(parameter.Name!, "sample")
        : parameter.ParameterType == typeof(IReadOnlyList<string>) ? new[] { "sample" }
        : throw new InvalidOperationException($"The matrix has no sample for {parameter.ParameterType.Name} {parameter.Name}.");

    [Fact]
    public async Task NoRoleInOneCouncilGivesPowerOverAnAccountWithRolesElsewhere()
    {
        var everyRole = Enum.GetNames<CouncilRole>();
        var attacker = await _app.HillsideWithClerkAsync("hill-all-roles", everyRole);
        var takenOver = new List<string>();

        foreach (var target in DemoPeople.All.Select(p => p.UserName))
        {
            var id = await _clients[target].IdOfAsync();
            await attacker.GrantAsync("hillside", id);
            var hillside = await attacker.ResetAsync("hillside", id, "taken-over-1");
            var lakeside = await attacker.ResetAsync("lakeside", id, "taken-over-1");
            if (hillside.IsSuccessStatusCode || lakeside.IsSuccessStatusCode) takenOver.Add($"{target}: {hillside.StatusCode}/{lakeside.StatusCode}");
            if ((await _app.Visitor().Post("/api/account/sign-in", new { login = target, password = CouncilApp.DemoPassword })).StatusCode != HttpStatusCode.OK)
                takenOver.Add($"{target}: the own password stopped working");
        }

        Assert.True(takenOver.Count == 0, string.Join(Environment.NewLine, takenOver));
    }

    private object? HubArgument(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(CastVote) ? new CastVote(VoteChoice.For, "matrix", null)
        : parameter.ParameterType == typeof(string) ? _routeValues.GetValueOrDefault(parameter.Name!, "sample")
        : throw new InvalidOperationException($"The matrix has no sample for {parameter.ParameterType.Name} {parameter.Name}.");

    /// <summary>
    /// Every hub of ours the app maps, with its path, from the app's own endpoints. Blazor's circuit hub (/_blazor) is
    /// the framework's protocol; what a circuit's user may do goes through <see cref="LiveMeetingActions"/>, tested above.
    /// </summary>
    private IEnumerable<(Type Type, string Path)> Hubs() => _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => (Hub: e.Metadata.GetMetadata<HubMetadata>(), Path: "/" + e.RoutePattern.RawText!.TrimStart('/')))
        .Where(e => e.Hub is not null && !e.Path.EndsWith("/negotiate") && e.Hub.HubType.Assembly == typeof(MeetingHub).Assembly)
        .Select(e => (e.Hub!.HubType, e.Path))
        .Distinct();

    private static IEnumerable<MethodInfo> HubMethods(Type hub) => hub
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == hub);

    private async Task<(bool Refused, int Status)> CallAsync(Endpoint endpoint, string identity)
    {
        var url = System.Text.RegularExpressions.Regex.Replace(endpoint.Route, @"\{\**([a-zA-Z]+)[^}]*\}",
            token => _routeValues.TryGetValue(token.Groups[1].Value, out var value) ? value : "sample");
        var client = _clients[identity];
        using var response = endpoint.Method == "GET" ? await client.GetAsync(url)
            : endpoint.TakesForms ? await client.PostAsync(url, new FormUrlEncodedContent([]))
            : await client.PostAsJsonAsync(url, new { });
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Redirect)
            return (response.Headers.Location?.OriginalString.StartsWith("/account/sign-in") == true, status);
        if (status is not (401 or 403)) return (false, status);
        var body = _lastBody = await response.Content.ReadAsStringAsync();
        return (body.Length > 0 && JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var title)
            && title.GetString() == AccessGate.RefusalTitle, status);
    }

    private static bool Permits(AccessAttribute rule, string identity)
    {
        if (rule.Audience == Audience.Public) return true;
        if (identity == "anonymous") return false;
        if (rule.Audience == Audience.SignedIn) return true;
        if (rule.Audience == Audience.Administrator) return identity == "admin";
        var roles = DemoPeople.All.Single(p => p.UserName == identity).Roles.Select(r => r.Role).ToHashSet();
        if (identity == "admin") roles.Add(CouncilRole.Clerk);
        return rule.Roles.Count == 0 ? roles.Count > 0 : rule.Roles.Any(roles.Contains);
    }

    private async Task<HttpClient> ClientFor(string identity) =>
        identity == "anonymous" ? _app.Visitor() : await _app.SignedInAs(identity);

    private string _lastBody = "";

    private sealed record Endpoint(string Method, string Route, AccessAttribute? Rule, bool TakesForms);

    private IEnumerable<Endpoint> Endpoints()
    {
        var source = _app.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            // Pages accept POST for their forms; GET is how a person reaches them.
            var method = methods.Contains("GET") ? "GET" : methods[0];
            var takesForms = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes
                .Any(t => t.Contains("form")) == true;
            yield return new Endpoint(method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), endpoint.Metadata.GetMetadata<AccessAttribute>(), takesForms);
        }
    }
}
