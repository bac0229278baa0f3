using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Web.Accounts;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Deliberation.Web.Meetings;
using Deliberation.Web.Process;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// A council with hundreds of members present at an open meeting whose item is taken up, set up through the app's
/// accounts store and grains (hundreds of password sign-ins would take minutes): one body, one item at its vote, and a
/// session cookie per person, made with the app's own ticket format and keys (kept in the database, so every node of a
/// cluster accepts them).
/// </summary>
public sealed record ManyVoters(string CouncilId, string MeetingId, string ItemId, string ChairCookie, string[] VoterIds, string[] VoterCookies)
{
    private const string Body = "resident-representatives"; // the deciding body of the template's resolution step
    private const string Template = "sanyi-yishen-liang-gongkai";

    public static async Task<ManyVoters> SetUpAsync(IServiceProvider services, int count)
    {
        const string councilId = "many", meetingId = "meeting-many", itemId = "item-many", chairId = "many-chair";
        var voterIds = Enumerable.Range(1, count).Select(i => $"voter-{i:D4}").ToArray();
        await CreateAccountsAsync(services, [chairId, .. voterIds]);

        var grains = services.GetRequiredService<IGrainFactory>();
        await BuiltInTemplates.PublishMissingAsync(grains);
        var council = grains.GetGrain<ICouncilGrain>(councilId);
        await council.FoundAsync(new FoundCouncil(councilId, "众人村议事会", "Many Village Council", "议事厅 Hall", Template, 7), chairId);
        var founder = new Actor(chairId, [new RoleGrant(CouncilRole.Clerk, null, 1)]);
        await council.EstablishBodyAsync(new EstablishBody(Body, "居民代表会议", "Resident representatives' meeting", "simple-majority"), founder);
        foreach (var role in new[] { CouncilRole.Clerk, CouncilRole.Chair, CouncilRole.Resident })
            await council.GrantRoleAsync(new GrantRole(chairId, "主持人 Chair", role, null, 1, "test"), founder);
        var chair = await council.GetActorAsync(chairId);
        for (var i = 0; i < count; i++)
            await council.GrantRoleAsync(new GrantRole(voterIds[i], $"Voter {i + 1}", CouncilRole.Member, Body, 1, "test"), chair);

        var item = grains.GetGrain<IAgendaItemGrain>(itemId);
        await item.SubmitAsync(councilId, new SubmitItem("Many voices", "Shall it pass?", "", "hall", null), chair);
        await item.ActAsync(councilId, new AcceptItem(Template, null), chair);
        await item.ActAsync(councilId, new RecordProposal("It passes.", ["for", "against"], "test"), chair);
        await item.ActAsync(councilId, new CompleteStep(), chair);
        await item.ActAsync(councilId, new RecordConsultation(null, "No objections."), chair);
        await item.ActAsync(councilId, new CompleteStep(), chair);

        var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
        await meeting.ScheduleAsync(councilId, new ScheduleMeeting(Body, "众人会议 Many meeting", DateTimeOffset.UtcNow, "议事厅 Hall", [itemId]), chair);
        await meeting.ActAsync(councilId, new OpenMeeting(), chair);
        foreach (var voter in voterIds)
            await meeting.ActAsync(councilId, new RecordAttendance(voter, Attendance.Present, null), chair);
        await meeting.ActAsync(councilId, new TakeUpItem(itemId), chair);

        var cookies = await SessionCookiesAsync(services, [chairId, .. voterIds]);
        return new ManyVoters(councilId, meetingId, itemId, cookies[0], voterIds, cookies[1..]);
    }

    /// <summary>Accounts without passwords, in one commit.</summary>
    public static async Task CreateAccountsAsync(IServiceProvider services, string[] ids)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CouncilUser>>();
        var store = scope.ServiceProvider.GetRequiredService<IUserStore<CouncilUser>>();
        // One commit for all instead of one per account; UserManager still does the rest (names, stamps, checks).
        store.GetType().GetProperty("AutoSaveChanges")!.SetValue(store, false);
        foreach (var id in ids)
        {
            var created = await users.CreateAsync(new CouncilUser { Id = id, UserName = id, DisplayName = id, CreatedAt = DateTimeOffset.UtcNow });
            if (!created.Succeeded) throw new InvalidOperationException($"Account {id}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }
        await scope.ServiceProvider.GetRequiredService<DeliberationDb>().SaveChangesAsync();
    }

    /// <summary>"name=value" for the Cookie header: what a password sign-in would set, without the password hashing.</summary>
    public static async Task<string[]> SessionCookiesAsync(IServiceProvider services, string[] ids)
    {
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CouncilUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CouncilUser>>();
        var cookies = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var user = await users.FindByIdAsync(ids[i]) ?? throw new InvalidOperationException($"No account {ids[i]}.");
            var now = DateTimeOffset.UtcNow;
            var ticket = new AuthenticationTicket(await principals.CreateAsync(user),
                new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, IdentityConstants.ApplicationScheme);
            cookies[i] = $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
        }
        return cookies;
    }
}
