using System.Net.Http.Json;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Web.Councils;
using Deliberation.Web.Meetings;
using Deliberation.Web.Process;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>
/// One app for the check-in tests: a council whose hall body has <see cref="Members"/> members, one member of another
/// body and a resident, each with a session cookie made with the app's own ticket format (hundreds of password sign-ins
/// would take minutes). Each test opens its own meeting of the hall body, so the tests do not disturb each other.
/// </summary>
public sealed class CheckInHall : IAsyncLifetime
{
    public const int Members = 200;
    public const string CouncilId = "hall";
    public const string Body = "assembly";
    private const string ChairId = "hall-chair", OtherBodyId = "hall-other-body", ResidentId = "hall-resident";

    public CouncilApp App { get; } = new(seedDemo: false);

    public string[] MemberIds { get; } = Enumerable.Range(1, Members).Select(i => $"hall-member-{i:D3}").ToArray();

    private Dictionary<string, string> _cookies = [];

    public string CookieOf(string userId) => _cookies[userId];

    public string ChairCookie => _cookies[ChairId];
    public string OtherBodyCookie => _cookies[OtherBodyId];
    public string ResidentCookie => _cookies[ResidentId];

    public async Task InitializeAsync()
    {
        string[] everyone = [ChairId, OtherBodyId, ResidentId, .. MemberIds];
        await CreateAccountsAsync(everyone);
        var grains = App.Services.GetRequiredService<IGrainFactory>();
        await BuiltInTemplates.PublishMissingAsync(grains);
        var council = grains.GetGrain<ICouncilGrain>(CouncilId);
        await council.FoundAsync(new FoundCouncil(CouncilId, "大厅村议事会", "Hall Village Council", "议事厅 Hall", "sanyi-yishen-liang-gongkai", 7), ChairId);
        var founder = new Actor(ChairId, [new RoleGrant(CouncilRole.Clerk, null, 1)]);
        await council.EstablishBodyAsync(new EstablishBody(Body, "村民代表会议", "Villagers' assembly", "simple-majority"), founder);
        await council.EstablishBodyAsync(new EstablishBody("committee", "村委会", "Committee", "simple-majority"), founder);
        foreach (var role in new[] { CouncilRole.Clerk, CouncilRole.Chair })
            await council.GrantRoleAsync(new GrantRole(ChairId, "主持人 Chair", role, null, 1, "test"), founder);
        var chair = await council.GetActorAsync(ChairId);
        await council.GrantRoleAsync(new GrantRole(OtherBodyId, "委员 Committee member", CouncilRole.Member, "committee", 1, "test"), chair);
        await council.GrantRoleAsync(new GrantRole(ResidentId, "居民 Resident", CouncilRole.Resident, null, 1, "test"), chair);
        foreach (var (memberId, i) in MemberIds.Select((id, i) => (id, i)))
            await council.GrantRoleAsync(new GrantRole(memberId, $"代表 {i + 1}", CouncilRole.Member, Body, 1, "test"), chair);
        _cookies = await SessionCookiesAsync(everyone);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A new meeting of the hall body, opened by the chair: nobody has checked in.</summary>
    public async Task<string> OpenMeetingAsync()
    {
        var grains = App.Services.GetRequiredService<IGrainFactory>();
        var chair = await grains.GetGrain<ICouncilGrain>(CouncilId).GetActorAsync(ChairId);
        var meetingId = $"meeting-{Guid.NewGuid():N}"[..30];
        var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
        await meeting.ScheduleAsync(CouncilId, new ScheduleMeeting(Body, "村民代表会议 Assembly", DateTimeOffset.UtcNow, "议事厅 Hall", []), chair);
        await meeting.ActAsync(CouncilId, new OpenMeeting(), chair);
        return meetingId;
    }

    /// <summary>A POST as the holder of the cookie, JSON as the app's own pages send it.</summary>
    public async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    /// <summary>A real SignalR client of the meeting hub holding the cookie.</summary>
    public Task<HubConnection> HubAsync(string cookie) => App.HubWithCookieAsync("/hubs/meeting", cookie);

    private Task CreateAccountsAsync(string[] ids) => ManyVoters.CreateAccountsAsync(App.Services, ids);

    /// <summary>"name=value" for the Cookie header of each account, as a password sign-in would set it.</summary>
    private async Task<Dictionary<string, string>> SessionCookiesAsync(string[] ids) =>
        ids.Zip(await ManyVoters.SessionCookiesAsync(App.Services, ids)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
}
