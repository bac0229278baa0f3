using Deliberation.Web.Errors;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Escalations;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Councils;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Escalations;

public sealed partial class EscalationGrain(TimeProvider clock, ILogger<EscalationGrain> logger)
    : FallsDueGrain<Escalation, EscalationEvent>(Category, DueReminder, clock, logger), IEscalationGrain
{
    public const string Category = "escalation";

    protected override Escalation Fold(Escalation? escalation, EscalationEvent e)
    {
        escalation ??= Escalation.Replay([]);
        escalation.Apply(e);
        return escalation;
    }

    protected override string ScopeOf(Escalation escalation) => escalation.CouncilId;

    protected override object SummaryOf(Escalation e, DateTimeOffset at) => Summary(e, at);

    /// <summary>The catalogue row as this grain writes it, for history written without it (the demo's made-up months).</summary>
    public static Deliberation.Runtime.EventLog.StreamSummary CatalogueRowOf(Escalation e, DateTimeOffset at) =>
        CatalogueRow($"{Category}-{e.Id}", Category, e.CouncilId, Summary(e, at), at, true, e.NextDueAt);

    /// <summary>What lists show of an escalation as of <paramref name="at"/>: the catalogue's summary and the list projection's row.</summary>
    public static EscalationSummary Summary(Escalation e, DateTimeOffset at) => new EscalationSummary(e.Id, e.CouncilId, e.ReferenceNo,
        e.ItemId, e.ItemTitle, e.DepartmentId, e.DepartmentName, e.Status.ToString(), e.DueOn, e.ResponseOverdue, e.Overdue, e.Reopened, at);

    // The page shows the escalation's history.
    protected override bool KeepsStoredEvents => true;

    public async Task<EscalationView> EscalateAsync(Escalate request, Actor by)
    {
        var services = await ServicesAsync(request.CouncilId);
        if (Current is { } existing)
        {
            // The item's route asked before and its own write failed: the whistle stands, the route may be sent again.
            if (existing.CouncilId == request.CouncilId && existing.ItemId == request.Matter.ItemId) return View(existing, by, services);
            throw new ArgumentException($"Escalation '{Key}' already exists.");
        }
        var department = services.Department(request.DepartmentId)
            ?? throw WebRefusals.NoDepartmentNamed.With(request.DepartmentId).Invalid("department");
        var now = Clock.GetUtcNow();
        // The council's zone now goes into the whistle: its due date and letter keep it if the council changes zone later.
        var zone = (await GrainFactory.GetGrain<ICouncilGrain>(request.CouncilId).GetAsync())?.TimeZoneId ?? Domain.CouncilTime.DefaultZoneId;
        var (escalation, events) = Escalation.Escalate(by, now, Key, request.CouncilId, request.Matter, department, request.Request,
            request.RespondWithinHours, request.DueOn, zone);
        await CommitNewAsync(escalation, events, by.UserId, now);
        return View(escalation, by, services);
    }

    public async Task<EscalationView> ActAsync(string councilId, EscalationCommand command, Actor by)
    {
        var services = await ServicesAsync(councilId);
        if (Current is not { } escalation || escalation.CouncilId != councilId || !escalation.IsVisibleTo(by, services.DepartmentOf(by.UserId)))
            throw new NotFound(WebRefusals.NoEscalationHere.With(Key));
        var department = services.Department(escalation.DepartmentId) ?? new Department(escalation.DepartmentId, escalation.DepartmentName, "", []);
        var now = Clock.GetUtcNow();
        var events = command switch
        {
            ReceiveEscalation c => escalation.Receive(by, department, c.Response),
            NoteEscalationProgress c => escalation.NoteProgress(by, department, c.Note),
            CompleteEscalation c => escalation.Complete(by, department, c.Result),
            ReturnEscalation c => escalation.Return(by, department, c.Reason),
            RateFeedback c => escalation.Rate(by, c.Score, c.Comment),
            ReopenEscalation c => escalation.Reopen(by, now, c.Reason, c.DueOn),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}."),
        };
        await CommitAsync(events, by.UserId, now);
        return View(escalation, by, services);
    }

    public async Task<EscalationView?> GetAsync(string councilId, Actor viewer)
    {
        if (Current is not { } escalation || escalation.CouncilId != councilId) return null;
        var services = await ServicesAsync(councilId);
        return escalation.IsVisibleTo(viewer, services.DepartmentOf(viewer.UserId)) ? View(escalation, viewer, services) : null;
    }

    private async Task<CouncilServicesView> ServicesAsync(string councilId) =>
        await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetServicesAsync() ?? throw new NotFound(WebRefusals.NoSuchCouncil);

    private EscalationView View(Escalation e, Actor viewer, CouncilServicesView services)
    {
        var department = services.Department(e.DepartmentId);
        return new EscalationView(e.Id, e.CouncilId, e.ReferenceNo, e.ItemId, e.ItemTitle, e.Matter, e.Place, e.DepartmentId, e.DepartmentName,
            department?.Contact, e.Request, e.RespondWithinHours, StoredEvents.Count > 0 ? StoredEvents[0].OccurredAt : Clock.GetUtcNow(),
            e.RespondBy, e.DueOn, e.TimeZoneId, e.Status.ToString(), e.Response, e.Notes.ToList(), e.Result, e.ReturnReason, e.ResponseOverdue, e.Overdue,
            e.Reopened, e.Ratings.Select(r => new FeedbackRatingView(r.Score, r.Comment, r.Round)).ToList(),
            e.AllowedActions(viewer, department).Select(Escalation.Kebab).ToList(),
            StoredEvents.Select(stored => Entry(stored, ResidentPrivacy.SeesNames(viewer) ? null : e.SubmittedBy)).ToList());
    }

    /// <summary>As on the item: residents and departments do not see who submitted the topic or rated its feedback.</summary>
    private static TimelineEntry Entry(EventEnvelope e, string? unnamed)
    {
        var details = JsonNode.Parse(e.Payload)!.AsObject();
        if (unnamed is not null)
            foreach (var key in new[] { "submittedBy", "ratedBy" })
                if (details.ContainsKey(key)) details[key] = ResidentPrivacy.Resident;
        using var payload = JsonDocument.Parse(details.ToJsonString());
        return new TimelineEntry(e.Sequence, e.EventType, e.Actor == unnamed ? ResidentPrivacy.Resident : e.Actor, e.OccurredAt,
            payload.RootElement.Clone(), e.Hash);
    }
}
