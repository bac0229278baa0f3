using Deliberation.Domain.Councils;

namespace Deliberation.Domain.Escalations;

public enum EscalationAction { Receive, NoteProgress, Complete, Return, Rate, Reopen }

/// <summary>
/// One escalation (一哨、一函、一台账、一反馈): the clerk's whistle to a department, its letter, the department's answers,
/// the submitter's rating of the feedback, and the clerk's send-back when the rating is poor. State changes only by
/// applying events; the commands check and raise them. Overdue is a fact the council's clock adds, never a person.
/// </summary>
public sealed class Escalation
{
    public const int MaxRespondWithinHours = 30 * 24;
    /// <summary>A rating this low lets the clerk send the work back to be done again.</summary>
    public const int PoorRating = 2;

    private readonly List<FeedbackRating> _ratings = [];
    private readonly List<string> _notes = [];

    private Escalation() { }

    public string Id { get; private set; } = "";
    public string CouncilId { get; private set; } = "";
    public string ReferenceNo { get; private set; } = "";
    public string ItemId { get; private set; } = "";
    public string ItemTitle { get; private set; } = "";
    public string Matter { get; private set; } = "";
    public string Place { get; private set; } = "";
    public string SubmittedBy { get; private set; } = "";
    public string DepartmentId { get; private set; } = "";
    public string DepartmentName { get; private set; } = "";
    public string Request { get; private set; } = "";
    public int RespondWithinHours { get; private set; }
    public DateTimeOffset RespondBy { get; private set; }
    public DateOnly DueOn { get; private set; }
    /// <summary>
    /// The council's zone when it was escalated: its due dates end at midnight there and its letter tells its times in
    /// it, so a council that changes its zone later moves neither (an escalation from before zones were recorded: China's).
    /// </summary>
    public string TimeZoneId { get; private set; } = CouncilTime.DefaultZoneId;
    public EscalationStatus Status { get; private set; }
    public string? Response { get; private set; }
    public string? Result { get; private set; }
    public string? ReturnReason { get; private set; }
    public bool Responded { get; private set; }
    public bool ResponseOverdue { get; private set; }
    /// <summary>The current due date passed before it was done (cleared when it is sent back with a new due date).</summary>
    public bool Overdue { get; private set; }
    /// <summary>How many times it was sent back to be done again; a reopened entry does not count as resolved.</summary>
    public int Reopened { get; private set; }
    public IReadOnlyList<string> Notes => _notes;
    public IReadOnlyList<FeedbackRating> Ratings => _ratings;

    public DateTimeOffset DueBy => CouncilTime.EndOf(DueOn, TimeZoneId);

    public static (Escalation Escalation, IReadOnlyList<EscalationEvent> Events) Escalate(Actor by, DateTimeOffset now, string escalationId,
        string councilId, EscalatedMatter matter, Department department, string request, int respondWithinHours, DateOnly dueOn,
        string timeZoneId = CouncilTime.DefaultZoneId)
    {
        if (!by.Holds(CouncilRole.Clerk)) throw NotPermitted.Requires(EscalationRefusals.ToEscalate, CouncilRole.Clerk);
        if (string.IsNullOrWhiteSpace(escalationId)) throw EscalationRefusals.IdRequired.Invalid(nameof(escalationId));
        if (respondWithinHours is < 1 or > MaxRespondWithinHours)
            throw EscalationRefusals.RespondWithin.With(MaxRespondWithinHours).Invalid(nameof(respondWithinHours));
        if (dueOn < CouncilTime.Today(now, timeZoneId)) throw EscalationRefusals.DuePassed.Invalid(nameof(dueOn));
        var respondBy = now.AddHours(respondWithinHours);
        if (respondBy > CouncilTime.EndOf(dueOn, timeZoneId)) throw EscalationRefusals.RespondAfterDue.Invalid(nameof(respondWithinHours));
        var escalation = new Escalation();
        return (escalation, escalation.Raise(new Escalated(escalationId, councilId, ReferenceFor(escalationId, now, timeZoneId), matter.ItemId,
            TextRules.Required(matter.Title, TextKind.Title, "matter"), TextRules.Check(matter.Text, TextKind.Body, "matter"),
            TextRules.Check(matter.Place, TextKind.Name, "place"), matter.SubmittedBy, department.Id, department.Name,
            TextRules.Required(request, TextKind.Note, "request"), respondWithinHours, respondBy, dueOn, timeZoneId)));
    }

    /// <summary>
    /// The letter's number: the year on the council's clock and the escalation's own id, so that it is unique without a
    /// counter to share.
    /// </summary>
    public static string ReferenceFor(string escalationId, DateTimeOffset now, string timeZoneId) =>
        $"{CouncilTime.InZone(now, timeZoneId).Year}-{escalationId[(escalationId.LastIndexOf('-') + 1)..].ToUpperInvariant()}";

    public static Escalation Replay(IEnumerable<EscalationEvent> events)
    {
        var escalation = new Escalation();
        foreach (var e in events) escalation.Apply(e);
        return escalation;
    }

    public IReadOnlyList<EscalationEvent> Receive(Actor by, Department department, string response)
    {
        Begin(by, department, EscalationAction.Receive);
        return Raise(new EscalationReceived(TextRules.Required(response, TextKind.Note, "response")));
    }

    public IReadOnlyList<EscalationEvent> NoteProgress(Actor by, Department department, string note)
    {
        Begin(by, department, EscalationAction.NoteProgress);
        return Raise(new EscalationProgressNoted(TextRules.Required(note, TextKind.Note, "note")));
    }

    public IReadOnlyList<EscalationEvent> Complete(Actor by, Department department, string result)
    {
        Begin(by, department, EscalationAction.Complete);
        return Raise(new EscalationDone(TextRules.Required(result, TextKind.Body, "result")));
    }

    public IReadOnlyList<EscalationEvent> Return(Actor by, Department department, string reason)
    {
        Begin(by, department, EscalationAction.Return);
        return Raise(new EscalationReturned(TextRules.Required(reason, TextKind.Note, "reason")));
    }

    public IReadOnlyList<EscalationEvent> Rate(Actor by, int score, string? comment)
    {
        Begin(by, null, EscalationAction.Rate);
        if (score is < 1 or > 5) throw CommonRefusals.RatingRange.Invalid(nameof(score));
        return Raise(new FeedbackRated(by.UserId, score, TextRules.Optional(comment, TextKind.Note, "comment")));
    }

    public IReadOnlyList<EscalationEvent> Reopen(Actor by, DateTimeOffset now, string reason, DateOnly dueOn)
    {
        Begin(by, null, EscalationAction.Reopen);
        if (dueOn < CouncilTime.Today(now, TimeZoneId)) throw EscalationRefusals.NewDuePassed.Invalid(nameof(dueOn));
        return Raise(new EscalationReopened(TextRules.Required(reason, TextKind.Note, "reason"), dueOn));
    }

    /// <summary>
    /// What the council's clock notices: the time to respond or the due date passed with the work not done. Each is
    /// recorded once (per due date); nothing when nothing is due.
    /// </summary>
    public IReadOnlyList<EscalationEvent> NoticeOverdue(DateTimeOffset now)
    {
        var events = new List<EscalationEvent>();
        if (!Responded && !ResponseOverdue && now >= RespondBy) events.Add(new EscalationResponseOverdue(RespondBy));
        if (IsOpen && !Overdue && now >= DueBy) events.Add(new EscalationOverdue(DueOn));
        return Raise([.. events]);
    }

    /// <summary>After the clock noticed something overdue: the department is reminded, once per notice.</summary>
    public IReadOnlyList<EscalationEvent> RemindDepartment(IReadOnlyList<EscalationEvent> noticed) =>
        noticed.Count == 0 ? [] : Raise(new DepartmentReminded(DepartmentId, DepartmentName,
            noticed.OfType<EscalationResponseOverdue>().Any(), noticed.OfType<EscalationOverdue>().Any(), DueOn));

    /// <summary>When the clock next has something to notice; null when nothing more can turn overdue.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            DateTimeOffset? respond = !Responded && !ResponseOverdue ? RespondBy : null;
            DateTimeOffset? due = IsOpen && !Overdue ? DueBy : null;
            return respond is { } r && (due is null || r < due) ? r : due;
        }
    }

    public bool IsOpen => Status is EscalationStatus.Escalated or EscalationStatus.Received;

    /// <summary>Council people see every escalation of their council; a department's accounts see only their department's.</summary>
    public bool IsVisibleTo(Actor viewer, Department? viewersDepartment) =>
        viewer.Roles.Count > 0 || (viewersDepartment is { } d && d.Id == DepartmentId && d.AnswersFor(viewer.UserId));

    public IReadOnlyList<EscalationAction> ValidActions() => Status switch
    {
        EscalationStatus.Escalated => [EscalationAction.Receive, EscalationAction.Complete, EscalationAction.Return],
        EscalationStatus.Received => [EscalationAction.NoteProgress, EscalationAction.Complete, EscalationAction.Return],
        EscalationStatus.Done => [.. RateableNow ? [EscalationAction.Rate] : Array.Empty<EscalationAction>(),
            .. LatestRating is { Score: <= PoorRating } ? [EscalationAction.Reopen] : Array.Empty<EscalationAction>()],
        _ => [],
    };

    /// <summary>What this person may do now: the forms to show them.</summary>
    public IReadOnlyList<EscalationAction> AllowedActions(Actor actor, Department? department) =>
        ValidActions().Where(a => Permits(actor, department, a)).ToList();

    private bool RateableNow => LatestRating is null;

    /// <summary>The rating of the current round of work (a send-back starts a new round).</summary>
    private FeedbackRating? LatestRating => _ratings.LastOrDefault(r => r.Round == Reopened);

    private bool Permits(Actor actor, Department? department, EscalationAction action) => action switch
    {
        EscalationAction.Rate => actor.UserId == SubmittedBy,
        EscalationAction.Reopen => actor.Holds(CouncilRole.Clerk),
        _ => department is { } d && d.Id == DepartmentId && d.AnswersFor(actor.UserId),
    };

    private void Begin(Actor by, Department? department, EscalationAction action)
    {
        var valid = ValidActions();
        if (!valid.Contains(action))
            throw new EscalationRuleViolation(EscalationRefusals.NotNow.With(
                EscalationRefusals.Action(action), EscalationRefusals.Status(Status), EscalationRefusals.Allowed(valid)));
        if (Permits(by, department, action)) return;
        throw action switch
        {
            EscalationAction.Rate => new NotPermitted(EscalationRefusals.RateOwnTopic),
            EscalationAction.Reopen => NotPermitted.Requires(EscalationRefusals.ToReopen, CouncilRole.Clerk),
            _ => new NotPermitted(EscalationRefusals.DepartmentOnly.With(DepartmentName)),
        };
    }

    public static string Kebab(EscalationAction action) => action switch
    {
        EscalationAction.NoteProgress => "note-progress",
        _ => action.ToString().ToLowerInvariant(),
    };

    public void Apply(EscalationEvent e)
    {
        switch (e)
        {
            case Escalated x:
                (Id, CouncilId, ReferenceNo, ItemId, ItemTitle, Matter, Place, SubmittedBy) =
                    (x.EscalationId, x.CouncilId, x.ReferenceNo, x.ItemId, x.ItemTitle, x.Matter, x.Place, x.SubmittedBy);
                (DepartmentId, DepartmentName, Request, RespondWithinHours, RespondBy, DueOn, Status) =
                    (x.DepartmentId, x.DepartmentName, x.Request, x.RespondWithinHours, x.RespondBy, x.DueOn, EscalationStatus.Escalated);
                TimeZoneId = x.TimeZoneId ?? CouncilTime.DefaultZoneId;
                break;
            case EscalationReceived r: (Response, Responded, Status) = (r.Response, true, EscalationStatus.Received); break;
            case EscalationProgressNoted n: _notes.Add(n.Note); break;
            case EscalationDone d: (Result, Responded, Status) = (d.Result, true, EscalationStatus.Done); break;
            case EscalationReturned r: (ReturnReason, Responded, Status) = (r.Reason, true, EscalationStatus.Returned); break;
            case FeedbackRated r: _ratings.Add(new FeedbackRating(r.RatedBy, r.Score, r.Comment, Reopened)); break;
            case EscalationReopened r: (Reopened, DueOn, Overdue, Status) = (Reopened + 1, r.DueOn, false, EscalationStatus.Received); break;
            case EscalationResponseOverdue: ResponseOverdue = true; break;
            case EscalationOverdue: Overdue = true; break;
        }
    }

    private IReadOnlyList<EscalationEvent> Raise(params EscalationEvent[] events)
    {
        foreach (var e in events) Apply(e);
        return events;
    }
}

/// <summary>The item as the letter tells it: what was raised, where, and by whom (who rates the feedback).</summary>
public sealed record EscalatedMatter(string ItemId, string Title, string Text, string Place, string SubmittedBy);
