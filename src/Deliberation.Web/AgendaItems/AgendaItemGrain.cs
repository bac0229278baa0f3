using Deliberation.Web.Errors;
using Deliberation.Web.Grains;
using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Process;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Deliberation.Web.Process;

namespace Deliberation.Web.AgendaItems;

public sealed partial class AgendaItemGrain(IEventLog log, TimeProvider clock, ILogger<AgendaItemGrain> logger)
    : FallsDueGrain<AgendaItem, AgendaItemEvent>(Category, NoticeReminder, clock, logger), IAgendaItemGrain
{
    public const string Category = "agenda-item";

    protected override AgendaItem Fold(AgendaItem? item, AgendaItemEvent e)
    {
        item ??= AgendaItem.Replay([]);
        item.Apply(e);
        return item;
    }

    protected override string ScopeOf(AgendaItem item) => item.CouncilId;

    protected override object SummaryOf(AgendaItem item, DateTimeOffset at) => ItemProjection.Summary(item, at);

    /// <summary>The catalogue row of an item written without its grain (the demo's history), as the grain would write it.</summary>
    public static StreamSummary CatalogueRowOf(AgendaItem item, DateTimeOffset at) =>
        CatalogueRow($"{Category}-{item.Id}", Category, item.CouncilId, ItemProjection.Summary(item, at), at, true, item.NoticeDueAt);

    // The item's answers carry its timeline, hashes included.
    protected override bool KeepsStoredEvents => true;

    public async Task<ItemView> SubmitAsync(string councilId, SubmitItem request, Actor by)
    {
        if (Current is { } existing)
            return existing.CouncilId == councilId && Answered(by.UserId, request.RequestId)
                ? ItemProjection.View(existing, StoredEvents, by)
                : throw new ArgumentException($"Item '{Key}' already exists.");
        // The council's list, asked before anything is written: a category is one of it, or none.
        var categories = (await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetServicesAsync())?.RequestCategories ?? [];
        var (item, events) = AgendaItem.Submit(by, Key, councilId, request.Title ?? "", request.Text ?? "",
            Council.CheckCategory(request.Category, categories), request.Place ?? "", request.OnBehalfOf);
        if (request.Photos is { Count: > 0 } photos) events = [.. events, .. item.AttachPhotos(by, Pairs(photos), null)];
        await CommitNewAsync(item, events, by.UserId, Clock.GetUtcNow(), request.RequestId);
        return ItemProjection.View(item, StoredEvents, by);
    }

    public async Task<ItemView> ActAsync(string councilId, ItemCommand command, Actor by)
    {
        if (Current is not { } item || item.CouncilId != councilId)
            throw new NotFound(WebRefusals.NoItemHere.With(Key));
        // A resend of a command already durable: the item as it is, nothing acted on twice.
        if (Answered(by.UserId, command.RequestId)) return ItemProjection.View(item, StoredEvents, by);
        var now = Clock.GetUtcNow();
        var events = command switch
        {
            AcceptItem c => item.Accept(by, await TemplateAsync(councilId, c.TemplateId), c.Note),
            MergeItem c => item.Merge(by, await MergeTargetAsync(councilId, c.IntoItemId, by), c.Reason),
            RouteItem c => await RouteAsync(item, councilId, c, by, now),
            DeclineItem c => item.Decline(by, c.Reason),
            RecordProposal c => item.RecordProposal(by, c.Text, c.Options ?? [], c.Source ?? "resident topic"),
            ReviseProposal c => item.ReviseProposal(by, c.Text, c.Reason),
            RecordConsultation c => item.RecordConsultation(by, c.MeetingId, c.Summary),
            CompleteStep => item.CompleteStep(by),
            RecordResolution c => await ResolveAsync(item, councilId, c, by),
            TakeBallotResult c => TakeBallotResult(item, c, by),
            ApproveReview c => item.ApproveReview(by, c.Opinion),
            ReturnReview c => item.ReturnReview(by, c.Reasons),
            DiscloseResolution c => item.Disclose(by, now, c.NoticeDays ?? (await CouncilAsync(councilId)).NoticeDays),
            RaiseObjection c => item.Object(by, now, c.Text),
            UpholdObjection c => item.UpholdObjection(by, c.ObjectionNo, c.Reason),
            DismissObjection c => item.DismissObjection(by, c.ObjectionNo, c.Reason),
            EndNotice => item.EndNotice(by, now),
            AssignImplementation c => item.AssignImplementation(by, c.ResponsibleParty, c.Deadline),
            ReportProgress c => item.ReportProgress(by, c.Text, c.PercentDone),
            AttachPhotos c => item.AttachPhotos(by, Pairs(c.Photos ?? []), c.ProgressReport),
            CompleteImplementation c => item.CompleteImplementation(by, c.Summary),
            DiscloseResult c => item.DiscloseResult(by, c.Text),
            RateResult c => item.Rate(by, c.Score),
            CloseItem c => item.Close(by, c.Reason),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}."),
        };
        var entries = Entries(events, by.UserId, now, command.RequestId);
        // The objection that held a notice past its end is decided: the process ends it now, in the same commit.
        if (command is DismissObjection) entries = [.. entries, .. Entries(item.EndNoticeWhenDue(now), ProcessActor, now)];
        await CommitAsync(entries);
        return ItemProjection.View(item, StoredEvents, by);
    }

    public Task<ItemView?> GetAsync(string councilId, Actor? viewer)
    {
        var item = Current;
        var visible = item is not null && item.CouncilId == councilId && (item.IsPublic || viewer is { Roles.Count: > 0 });
        return Task.FromResult(visible ? ItemProjection.View(item!, StoredEvents, viewer) : null);
    }

    private static IReadOnlyList<ItemPhoto> Pairs(IReadOnlyList<PhotoRef> photos) =>
        photos.Select(p => new ItemPhoto(p.PhotoId, p.Description, null, p.Width, p.Height)).ToList();

    public Task<ChainVerification> VerifyAsync() => log.VerifyStreamAsync(StreamId);

    /// <summary>An item merges only into another item of this council that exists; asked before anything is written.</summary>
    private async Task<string> MergeTargetAsync(string councilId, string? intoItemId, Actor by)
    {
        // Not this item: asking itself would wait on its own turn.
        if (string.IsNullOrWhiteSpace(intoItemId) || intoItemId == Key) return intoItemId ?? "";
        if (!Identifiers.IsValid(intoItemId) || await GrainFactory.GetGrain<IAgendaItemGrain>(intoItemId).GetAsync(councilId, by) is null)
            throw new NotFound(WebRefusals.NoItemToMergeInto);
        return intoItemId;
    }

    private async Task<CouncilView> CouncilAsync(string councilId) =>
        await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetAsync() ?? throw new NotFound(WebRefusals.NoSuchCouncil);

    private async Task<ProcessTemplate> TemplateAsync(string councilId, string? templateId)
    {
        var id = string.IsNullOrWhiteSpace(templateId) ? (await CouncilAsync(councilId)).DefaultTemplateId : templateId;
        return await GrainFactory.GetGrain<IProcessTemplateGrain>(id).GetLatestAsync()
            ?? throw new ArgumentException($"There is no process template '{id}'.");
    }

    /// <summary>The deciding body's roll is the electorate and its rule decides; the caller supplies only the count.</summary>
    private async Task<IReadOnlyList<AgendaItemEvent>> ResolveAsync(AgendaItem item, string councilId, RecordResolution c, Actor by)
    {
        var step = item.CurrentStep ?? throw NotAtAStep(item);
        if (c.BodyId is not null && c.BodyId != step.Body)
            throw WebRefusals.OtherBodysBallot.With(step.Id, step.Body ?? "").Invalid(nameof(c.BodyId));
        var council = await CouncilAsync(councilId);
        var body = council.Bodies.FirstOrDefault(b => b.Id == step.Body)
            ?? throw new ArgumentException($"This council has no body '{step.Body}' to decide step '{step.Id}'.");
        var roll = (await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetRoleHoldersAsync())
            .Where(h => h.Role == CouncilRole.Member && h.Body == body.Id).ToList();
        var electorate = new Count(roll.Count, roll.Sum(h => h.Weight));
        var tally = Tally.Create(electorate, Counted(c.Present, "present"), Counted(c.For, "for"),
            Counted(c.Against, "against"), Counted(c.Abstain, "abstain"));
        return item.RecordResolution(by, DecisionRuleCatalog.Find(body.DecisionRuleId), tally, c.MeetingId);
    }

    /// <summary>The ballot counted under the rule and electorate it recorded at opening; the item only checks it is its deciding body's.</summary>
    private static IReadOnlyList<AgendaItemEvent> TakeBallotResult(AgendaItem item, TakeBallotResult c, Actor by)
    {
        var step = item.CurrentStep ?? throw NotAtAStep(item);
        if (c.BodyId != step.Body)
            throw WebRefusals.OtherBodysBallot.With(step.Id, step.Body ?? "").Invalid(nameof(c.BodyId));
        return item.RecordResolution(by, DecisionRuleCatalog.Find(c.DecisionRuleId), c.Tally, c.MeetingId);
    }

    private static ProcessRuleViolation NotAtAStep(AgendaItem item) => new(ItemRefusals.NotAtAStep.With(
        ProcessRuleViolation.Action(ItemAction.RecordResolution), ProcessRuleViolation.Allowed(item.ValidActions())), item.ValidActions());

    private static Count Counted(CountBody? count, string name) => count is null
        ? throw WebRefusals.CountMissing.With(name).Invalid(name)
        : new Count(count.Members, count.Weight ?? count.Members);
}
