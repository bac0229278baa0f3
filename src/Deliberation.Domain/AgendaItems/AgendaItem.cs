using Deliberation.Domain.Process;

namespace Deliberation.Domain.AgendaItems;

/// <summary>
/// One agenda item (议题) from submission to close, under the process template it was accepted with.
/// State changes only by applying events; commands (in AgendaItem.Commands.cs) check and raise them.
/// </summary>
public sealed partial class AgendaItem
{
    private readonly List<ProposalVersion> _proposals = [];
    private readonly List<string> _options = [];
    private readonly List<Objection> _objections = [];
    private readonly List<Rating> _ratings = [];

    private AgendaItem() { }

    public string Id { get; private set; } = "";
    public string CouncilId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string Place { get; private set; } = "";
    public string SubmittedBy { get; private set; } = "";
    public string? OnBehalfOf { get; private set; }
    public AgendaItemStatus Status { get; private set; }
    public ItemOutcome? Outcome { get; private set; }
    public ProcessTemplate? Template { get; private set; }
    public int CurrentStepIndex { get; private set; } = -1;
    public ProcessStep? CurrentStep => Status == AgendaItemStatus.InProcess && Template is not null ? Template.Steps[CurrentStepIndex] : null;
    public IReadOnlyList<ProposalVersion> Proposals => _proposals;
    public IReadOnlyList<string> Options => _options;
    public IReadOnlyList<Objection> Objections => _objections;
    public IReadOnlyList<Rating> Ratings => _ratings;

    /// <summary>Public from the disclosure of its resolution (or its rejection) on, with its whole history.</summary>
    public bool IsPublic { get; private set; }
    public DateTimeOffset? NoticeEndsAt { get; private set; }
    public string? ResponsibleParty { get; private set; }
    public DateOnly? Deadline { get; private set; }
    public string? Result { get; private set; }
    /// <summary>The escalation a route started; null for items routed before escalations existed.</summary>
    public string? EscalationId { get; private set; }

    // Per-step facts, cleared whenever the item enters a step.
    private bool _noticeRunning;
    private bool _resultDisclosed;

    public static AgendaItem Replay(IEnumerable<AgendaItemEvent> events)
    {
        var item = new AgendaItem();
        foreach (var e in events) item.Apply(e);
        return item;
    }

    public void Apply(AgendaItemEvent e)
    {
        switch (e)
        {
            case ItemSubmitted s:
                (Id, CouncilId, Title, Text, Category, Place, SubmittedBy, OnBehalfOf) =
                    (s.ItemId, s.CouncilId, s.Title, s.Text, s.Category, s.Place, s.SubmittedBy, s.OnBehalfOf);
                Status = AgendaItemStatus.Submitted;
                break;
            case ItemAccepted a: (Template, Status) = (a.Template, AgendaItemStatus.InProcess); break;
            case ItemMerged: Status = AgendaItemStatus.Merged; break;
            case ItemRouted r: (Status, EscalationId) = (AgendaItemStatus.Routed, r.EscalationId); break;
            case ItemDeclined: Status = AgendaItemStatus.Declined; break;
            case StepEntered s: (CurrentStepIndex, _noticeRunning, _resultDisclosed) = (s.StepIndex, false, false); break;
            case ProposalRecorded p:
                _proposals.Add(new ProposalVersion(p.Version, p.Text, null));
                _options.Clear();
                _options.AddRange(p.Options);
                break;
            case ProposalRevised r: _proposals.Add(new ProposalVersion(r.Version, r.Text, r.Reason)); break;
            case ResolutionDisclosed d: (IsPublic, NoticeEndsAt, _noticeRunning) = (true, d.NoticeEndsAt, true); break;
            case ObjectionRaised o: _objections.Add(new Objection(o.ObjectionNo, o.Text, o.RaisedBy, ObjectionState.Pending)); break;
            case ObjectionUpheld u: Decide(u.ObjectionNo, ObjectionState.Upheld); break;
            case ObjectionDismissed d: Decide(d.ObjectionNo, ObjectionState.Dismissed); break;
            case NoticePeriodEnded: _noticeRunning = false; break;
            case ImplementationAssigned i: (ResponsibleParty, Deadline) = (i.ResponsibleParty, i.Deadline); break;
            case ResultDisclosed r: (Result, _resultDisclosed, IsPublic) = (r.Text, true, true); break;
            case ResultRated r: _ratings.Add(new Rating(r.RatedBy, r.Score)); break;
            case ProgressReported: ProgressReports++; break;
            case PhotoAttached p: _photos.Add(new ItemPhoto(p.PhotoId, p.Description, p.ProgressReport, p.Width, p.Height)); break;
            case ItemClosed c:
                (Status, Outcome) = (AgendaItemStatus.Closed, c.Outcome);
                // A rejection is disclosed too: the public sees what was decided, either way.
                if (c.Outcome == ItemOutcome.Rejected) IsPublic = true;
                break;
            // ConsultationRecorded, StepCompleted, ResolutionAdopted/Rejected, ReviewApproved/Returned,
            // ImplementationCompleted: history only; the timeline reads them from the log.
        }
    }

    private void Decide(int no, ObjectionState state)
    {
        var index = _objections.FindIndex(o => o.No == no);
        _objections[index] = _objections[index] with { State = state };
    }

    /// <summary>What the item's state allows now, whoever asks.</summary>
    public IReadOnlyList<ItemAction> ValidActions()
    {
        if (Status == AgendaItemStatus.Submitted) return [ItemAction.Accept, ItemAction.Merge, ItemAction.Route, ItemAction.Decline];
        if (CurrentStep is not { } step) return [];
        return step.Kind switch
        {
            StepKind.Proposal => _proposals.Count == 0
                ? [ItemAction.RecordProposal]
                : [ItemAction.ReviseProposal, ItemAction.CompleteStep],
            StepKind.Consultation => _proposals.Count == 0
                ? [ItemAction.RecordProposal, ItemAction.RecordConsultation]
                : [ItemAction.ReviseProposal, ItemAction.RecordConsultation, ItemAction.CompleteStep],
            StepKind.ResolutionVote => [ItemAction.RecordResolution],
            StepKind.Review => [ItemAction.ApproveReview, ItemAction.ReturnReview],
            StepKind.Disclosure when !_noticeRunning => [ItemAction.Disclose],
            StepKind.Disclosure => _objections.Any(o => o.State == ObjectionState.Pending)
                ? [ItemAction.Object, ItemAction.UpholdObjection, ItemAction.DismissObjection]
                : [ItemAction.Object, ItemAction.EndNotice],
            StepKind.Implementation => ResponsibleParty is null
                ? [ItemAction.AssignImplementation]
                : [ItemAction.AssignImplementation, ItemAction.ReportProgress, ItemAction.CompleteImplementation],
            StepKind.ResultDisclosure => _resultDisclosed ? [ItemAction.Rate, ItemAction.Close] : [ItemAction.DiscloseResult],
            _ => [],
        };
    }

    /// <summary>What this person may do now: the buttons to show them.</summary>
    public IReadOnlyList<ItemAction> AllowedActions(Councils.Actor actor) =>
        ValidActions().Where(a => ItemPermissions.Permits(actor, a, CurrentStep)).ToList();

    /// <summary>The refusal of an action the item's state does not allow: where it stands, and what it allows instead.</summary>
    private ProcessRuleViolation NotNow(RefusalPart attempted, IReadOnlyList<ItemAction> allowed) => new(CurrentStep is { } step
        ? ItemRefusals.NotAtThisStep.With(attempted, CurrentStepIndex + 1, new RefusalPart(step.Id, Name: step.Name),
            ItemRefusals.StepKinds[step.Kind], ProcessRuleViolation.Allowed(allowed))
        : ItemRefusals.NotInProcess.With(attempted, new RefusalPart(Status.ToString().ToLowerInvariant(), [$"status.{Status}"]),
            ProcessRuleViolation.Allowed(allowed)), allowed);

    /// <summary>Refused by the notice period: what is allowed is the step's actions but this one.</summary>
    private ProcessRuleViolation Refused(RefusalText text, ItemAction action, params object[] parts)
    {
        var allowed = ValidActions().Where(a => a != action).ToList();
        return new(text.With([ProcessRuleViolation.Action(action), .. parts, ProcessRuleViolation.Allowed(allowed)]), allowed);
    }
}
