using Deliberation.Domain.Councils;
using Orleans;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Accounts;
using Deliberation.Web.Councils;
using Deliberation.Web.Meetings;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Web.Demo;

/// <summary>
/// On an empty database: the built-in process templates, and a living demo village council (湖边村议事会) with its
/// bodies, people, a meeting and items at every stage, so a newcomer sees the whole process at once.
/// </summary>
public sealed class DemoCouncil(
    IGrainFactory grains, UserManager<CouncilUser> users, RoleManager<IdentityRole> roles, DemoItems items, DemoPastMeeting pastMeeting,
    TimeProvider clock, IEventLog log, IConfiguration configuration, ILogger<DemoCouncil> logger)
{
    public const string CouncilId = "lakeside";

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        var council = grains.GetGrain<ICouncilGrain>(CouncilId);
        if (await council.GetAsync() is not null) return;

        logger.LogInformation("Seeding the demo council {Council}", CouncilId);
        var people = await CreatePeopleAsync();
        var admin = people["admin"];
        await council.FoundAsync(new FoundCouncil(CouncilId, "湖边村议事会", "Lakeside Village Council",
            "湖边议事厅 Lakeside Hall", "siyi-liang-gongkai", 7), admin);

        var founder = new Actor(admin, [new RoleGrant(CouncilRole.Clerk, null, 1)]);
        foreach (var (id, zh, en, rule) in Bodies)
            await council.EstablishBodyAsync(new EstablishBody(id, zh, en, rule), founder);
        foreach (var person in DemoPeople.All)
            foreach (var (role, body, weight) in person.Roles)
                await council.GrantRoleAsync(new GrantRole(people[person.UserName], person.DisplayName, role, body, weight,
                    "demo council"), founder);

        await SeedServicesAsync(council, founder, people);
        var history = new DemoLog();
        await items.SeedAsync(CouncilId, people, history, ct);
        // Months of ordinary work, so that the ledger and the figures show something real on the first start.
        if (configuration.GetValue("Demo:History", true))
            DemoHistory.Record(history, CouncilId, await ActorsAsync(council, people), await council.GetServicesAsync()
                ?? throw new InvalidOperationException("The demo council has no services."), clock.GetUtcNow());
        await history.WriteAsync(log, ct);
        await pastMeeting.SeedAsync(CouncilId, people, ct);
        await ScheduleMeetingAsync(people, ct);
    }

    /// <summary>Where topics are escalated (吹哨) and who takes small requests (微心愿).</summary>
    private static async Task SeedServicesAsync(ICouncilGrain council, Actor founder, Dictionary<string, string> people)
    {
        await council.RecordDepartmentAsync(new RecordDepartment("town-works", "镇城建办 Town Works Office", "0571-8800 1234",
            [people["works"]], "demo council"), founder);
        await council.RecordDepartmentAsync(new RecordDepartment("water", "县水务公司 County Water Company", "0571-8800 5678", [],
            "demo council"), founder);
        await council.RecordVolunteerGroupAsync(new RecordVolunteerGroup("party-volunteers", "党员志愿服务队 Party volunteers",
            [people["volunteer"], people["member1"], people["member2"]], "demo council"), founder);
        await council.RecordRequestCategoriesAsync(new RecordRequestCategories(
            ["助老助残 Help for the elderly", "维修 Repairs", "代购代办 Errands", "环境卫生 Cleaning up", "其他 Other"], "demo council"), founder);
    }

    private static async Task<Dictionary<string, Actor>> ActorsAsync(ICouncilGrain council, Dictionary<string, string> people)
    {
        var actors = new Dictionary<string, Actor>();
        foreach (var (name, id) in people) actors[name] = await council.GetActorAsync(id);
        return actors;
    }

    private static readonly (string Id, string Zh, string En, string Rule)[] Bodies =
    [
        ("two-committees", "村两委会", "Two committees", "simple-majority"),
        ("party-members", "党员大会", "Party members' meeting", "party-members-deliberation"),
        ("villager-representatives", "村民代表会议", "Villager representative meeting", "villager-representatives"),
        ("joint-meeting", "三方联席会议", "Tripartite joint meeting", "simple-majority"),
        ("resident-representatives", "居民代表会议", "Resident representatives' meeting", "simple-majority"),
    ];

    private async Task<Dictionary<string, string>> CreatePeopleAsync()
    {
        if (!await roles.RoleExistsAsync(SiteRoles.Administrator)) await roles.CreateAsync(new IdentityRole(SiteRoles.Administrator));
        var ids = new Dictionary<string, string>();
        foreach (var person in DemoPeople.All)
        {
            var user = await users.FindByNameAsync(person.UserName);
            if (user is null)
            {
                user = new CouncilUser
                {
                    UserName = person.UserName, DisplayName = person.DisplayName, PhoneNumber = person.Phone,
                    CreatedAt = clock.GetUtcNow(),
                };
                var created = await users.CreateAsync(user, DemoPeople.Password);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            if (person.UserName == "admin" && !await users.IsInRoleAsync(user, SiteRoles.Administrator))
                await users.AddToRoleAsync(user, SiteRoles.Administrator);
            ids[person.UserName] = user.Id;
        }
        return ids;
    }

    private async Task ScheduleMeetingAsync(Dictionary<string, string> people, CancellationToken ct)
    {
        var clerk = await grains.GetGrain<ICouncilGrain>(CouncilId).GetActorAsync(people["clerk"]);
        var startsAt = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date.AddDays(3).AddHours(11), TimeSpan.Zero);
        var agenda = items.ItemsForNextMeeting;
        await grains.GetGrain<IMeetingGrain>("meeting-demo-next").ScheduleAsync(CouncilId,
            new ScheduleMeeting("villager-representatives", "村民代表会议（第 12 次）", startsAt, "湖边议事厅 Lakeside Hall", agenda), clerk);
        ct.ThrowIfCancellationRequested();
    }
}
