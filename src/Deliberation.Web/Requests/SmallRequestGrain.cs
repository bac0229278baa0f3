using Deliberation.Web.Errors;
using Deliberation.Runtime.EventLog;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Requests;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Councils;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Orleans;
using Orleans.Runtime;

namespace Deliberation.Web.Requests;

/// <summary>
/// A small request's grain. Its day passing untaken or undone is noticed on its own: an Orleans reminder wakes it then
/// (<see cref="FallsDueGrain{TAggregate, TEvent}"/>), and the council's clock decides.
/// </summary>
public sealed class SmallRequestGrain(TimeProvider clock, ILogger<SmallRequestGrain> logger)
    : FallsDueGrain<SmallRequest, SmallRequestEvent>(Category, DueReminder, clock, logger), ISmallRequestGrain
{
    public const string Category = "small-request";
    public const string DueReminder = "small-request-due";

    /// <summary>Requests fall due at the end of their day; the reconciler wakes one without a reminder.</summary>
    public static readonly DueKind Due = new(Category, DueReminder, (grains, key) => grains.GetGrain<ISmallRequestGrain>(key));

    protected override SmallRequest Fold(SmallRequest? request, SmallRequestEvent e)
    {
        request ??= SmallRequest.Replay([]);
        request.Apply(e);
        return request;
    }

    protected override string ScopeOf(SmallRequest r) => r.CouncilId;

    protected override object SummaryOf(SmallRequest r, DateTimeOffset at) => Summary(r, at);

    /// <summary>The catalogue row as this grain writes it, for history written without it (the demo's made-up months).</summary>
    public static StreamSummary CatalogueRowOf(SmallRequest r, DateTimeOffset at) =>
        CatalogueRow($"{Category}-{r.Id}", Category, r.CouncilId, Summary(r, at), at, true, r.NextDueAt);

    /// <summary>What lists show of a request as of <paramref name="at"/>: the catalogue's summary and the list projection's row.</summary>
    public static SmallRequestSummary Summary(SmallRequest r, DateTimeOffset at) => new SmallRequestSummary(r.Id, r.CouncilId, r.Title, r.Category,
        r.Place, r.NeededBy, r.PostedBy, r.Status.ToString(), r.GroupId, r.VolunteerId, r.Overdue, at, r.TimeZoneId);

    public async Task<SmallRequestView> PostAsync(string councilId, PostSmallRequest request, Actor by)
    {
        if (Current is not null) throw new ArgumentException($"Request '{Key}' already exists.");
        var services = await ServicesAsync(councilId);
        // The council's zone now goes into the request: its day ends there even if the council changes zone later.
        var zone = (await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetAsync())?.TimeZoneId ?? Domain.CouncilTime.DefaultZoneId;
        var now = Clock.GetUtcNow();
        var (posted, events) = SmallRequest.Post(by, now, Key, councilId, request.Title, request.Details ?? "", request.Category,
            services.RequestCategories, request.Place, request.NeededBy, request.OnBehalfOf, zone);
        await CommitNewAsync(posted, events, by.UserId, now);
        return View(posted, by, services);
    }

    public async Task<SmallRequestView> ActAsync(string councilId, SmallRequestCommand command, Actor by)
    {
        if (Current is not { } request || request.CouncilId != councilId || !request.IsVisibleTo(by))
            throw new NotFound(WebRefusals.NoRequestHere.With(Key));
        var services = await ServicesAsync(councilId);
        var now = Clock.GetUtcNow();
        var events = command switch
        {
            DispatchSmallRequest c => request.Dispatch(by, Group(services, c.GroupId), await VolunteerAsync(councilId, c.VolunteerId), c.Note),
            TakeSmallRequest => request.Take(by, services.Group(request.GroupId)),
            ReportSmallRequestDone c => request.ReportDone(by, c.Report),
            ConfirmSmallRequest c => request.Confirm(by, c.Score, c.Comment),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}."),
        };
        await CommitAsync(events, by.UserId, now);
        return View(request, by, services);
    }

    public async Task<SmallRequestView?> GetAsync(string councilId, Actor viewer) =>
        Current is { } request && request.CouncilId == councilId && request.IsVisibleTo(viewer)
            ? View(request, viewer, await ServicesAsync(councilId)) : null;

    protected override DateTimeOffset? DueOf(SmallRequest request) => request.NextDueAt;

    protected override IReadOnlyList<SmallRequestEvent> WhenDue(SmallRequest request, DateTimeOffset now) => request.NoticeOverdue(now);

    private static VolunteerGroup? Group(CouncilServicesView services, string? groupId) =>
        string.IsNullOrWhiteSpace(groupId) ? null
            : services.Group(groupId) ?? throw WebRefusals.NoGroup.With(groupId).Invalid("groupId");

    /// <summary>One person it is dispatched to must be a volunteer of this council.</summary>
    private async Task<string?> VolunteerAsync(string councilId, string? volunteerId)
    {
        if (string.IsNullOrWhiteSpace(volunteerId)) return null;
        var actor = await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetActorAsync(volunteerId);
        return actor.Holds(CouncilRole.Volunteer) ? volunteerId
            : throw WebRefusals.DispatchToVolunteer.Invalid("volunteerId");
    }

    private async Task<CouncilServicesView> ServicesAsync(string councilId) =>
        await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetServicesAsync() ?? throw new NotFound(WebRefusals.NoSuchCouncil);

    // Residents do not see which resident posted a request (as on items); the volunteers and staff who help do.
    private static SmallRequestView View(SmallRequest r, Actor viewer, CouncilServicesView services) => new(r.Id, r.CouncilId, r.Title,
        r.Details, r.Category, r.Place, r.NeededBy,
        ResidentPrivacy.SeesNames(viewer) || viewer.UserId == r.PostedBy ? r.PostedBy : ResidentPrivacy.Resident, r.OnBehalfOf, r.Status.ToString(), r.GroupId, r.GroupName, r.VolunteerId,
        r.Report, r.Score, r.Comment, r.Overdue,
        r.AllowedActions(viewer, services.Group(r.GroupId)).Select(SmallRequest.Kebab).ToList());
}
