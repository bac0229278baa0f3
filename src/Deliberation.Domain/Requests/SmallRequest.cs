using Deliberation.Domain.Councils;

namespace Deliberation.Domain.Requests;

/// <summary>
/// One small request or wish (微心愿): residents order, the community dispatches, volunteers take it
/// (群众点单、社区派单、党员接单), then the resident confirms and rates it. State changes only by applying events.
/// </summary>
public sealed class SmallRequest
{
    private SmallRequest() { }

    public string Id { get; private set; } = "";
    public string CouncilId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Details { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string Place { get; private set; } = "";
    public DateOnly NeededBy { get; private set; }
    /// <summary>The council's zone when it was posted: its day ends at midnight there, even if the council changes zone later.</summary>
    public string TimeZoneId { get; private set; } = CouncilTime.DefaultZoneId;
    public string PostedBy { get; private set; } = "";
    public string? OnBehalfOf { get; private set; }
    public SmallRequestStatus Status { get; private set; }
    public string? GroupId { get; private set; }
    public string? GroupName { get; private set; }
    /// <summary>The person it was dispatched to, then the one who took it.</summary>
    public string? VolunteerId { get; private set; }
    public string? Report { get; private set; }
    public int? Score { get; private set; }
    public string? Comment { get; private set; }
    public bool Overdue { get; private set; }

    public DateTimeOffset DueBy => CouncilTime.EndOf(NeededBy, TimeZoneId);

    public static (SmallRequest Request, IReadOnlyList<SmallRequestEvent> Events) Post(Actor by, DateTimeOffset now, string requestId,
        string councilId, string title, string details, string category, IReadOnlyList<string> councilCategories, string place,
        DateOnly neededBy, string? onBehalfOf, string timeZoneId = CouncilTime.DefaultZoneId)
    {
        var forSomeoneElse = !string.IsNullOrWhiteSpace(onBehalfOf);
        if (forSomeoneElse && !by.Holds(CouncilRole.GridWorker))
            throw new NotPermitted(RequestRefusals.PostForSomeone);
        if (!forSomeoneElse && !by.Holds(CouncilRole.Resident))
            throw new NotPermitted(RequestRefusals.PostRequest);
        if (!councilCategories.Contains(category)) throw RequestRefusals.ChooseCategory.Invalid(nameof(category));
        if (neededBy < CouncilTime.Today(now, timeZoneId)) throw CommonRefusals.DueDatePassed.Invalid(nameof(neededBy));
        var request = new SmallRequest();
        return (request, request.Raise(new SmallRequestPosted(requestId, councilId, TextRules.Required(title, TextKind.Title, "title"),
            TextRules.Check(details, TextKind.Note, "details"), category, TextRules.Required(place, TextKind.Name, "place"), neededBy,
            by.UserId, forSomeoneElse ? TextRules.Check(onBehalfOf, TextKind.Name, "resident's name") : null, timeZoneId)));
    }

    public static SmallRequest Replay(IEnumerable<SmallRequestEvent> events)
    {
        var request = new SmallRequest();
        foreach (var e in events) request.Apply(e);
        return request;
    }

    /// <summary>To a group (its members may take it) or to one volunteer; exactly one of the two.</summary>
    public IReadOnlyList<SmallRequestEvent> Dispatch(Actor by, VolunteerGroup? group, string? volunteerId, string? note)
    {
        Begin(by, null, SmallRequestAction.Dispatch);
        if ((group is null) == string.IsNullOrWhiteSpace(volunteerId))
            throw RequestRefusals.DispatchTo.Invalid(nameof(volunteerId));
        return Raise(new SmallRequestDispatched(group?.Id, group?.Name, group is null ? volunteerId : null,
            TextRules.Optional(note, TextKind.Note, "note") ?? "—"));
    }

    public IReadOnlyList<SmallRequestEvent> Take(Actor by, VolunteerGroup? dispatchedGroup)
    {
        Begin(by, dispatchedGroup, SmallRequestAction.Take);
        return Raise(new SmallRequestTaken(by.UserId));
    }

    public IReadOnlyList<SmallRequestEvent> ReportDone(Actor by, string report)
    {
        Begin(by, null, SmallRequestAction.ReportDone);
        return Raise(new SmallRequestDone(TextRules.Required(report, TextKind.Note, "report")));
    }

    public IReadOnlyList<SmallRequestEvent> Confirm(Actor by, int score, string? comment)
    {
        Begin(by, null, SmallRequestAction.Confirm);
        if (score is < 1 or > 5) throw CommonRefusals.RatingRange.Invalid(nameof(score));
        return Raise(new SmallRequestConfirmed(score, TextRules.Optional(comment, TextKind.Note, "comment")));
    }

    /// <summary>Its day is over and nobody took it or finished it: flagged once.</summary>
    public IReadOnlyList<SmallRequestEvent> NoticeOverdue(DateTimeOffset now) =>
        IsOpen && !Overdue && now >= DueBy ? Raise(new SmallRequestOverdue(NeededBy, Status)) : [];

    public DateTimeOffset? NextDueAt => IsOpen && !Overdue ? DueBy : null;

    public bool IsOpen => Status is SmallRequestStatus.Open or SmallRequestStatus.Dispatched or SmallRequestStatus.Taken;

    /// <summary>Council people see them all, volunteers included (they hold the Volunteer role).</summary>
    public bool IsVisibleTo(Actor viewer) => viewer.Roles.Count > 0;

    public IReadOnlyList<SmallRequestAction> ValidActions() => Status switch
    {
        SmallRequestStatus.Open => [SmallRequestAction.Dispatch, SmallRequestAction.Take],
        SmallRequestStatus.Dispatched => [SmallRequestAction.Dispatch, SmallRequestAction.Take],
        SmallRequestStatus.Taken => [SmallRequestAction.ReportDone],
        SmallRequestStatus.Done => [SmallRequestAction.Confirm],
        _ => [],
    };

    public IReadOnlyList<SmallRequestAction> AllowedActions(Actor actor, VolunteerGroup? dispatchedGroup) =>
        ValidActions().Where(a => Permits(actor, dispatchedGroup, a)).ToList();

    private bool Permits(Actor actor, VolunteerGroup? dispatchedGroup, SmallRequestAction action) => action switch
    {
        SmallRequestAction.Dispatch => actor.Holds(CouncilRole.Clerk),
        // Open: any volunteer. Dispatched: the person named, or a member of the group named.
        SmallRequestAction.Take => Status == SmallRequestStatus.Open
            ? actor.Holds(CouncilRole.Volunteer)
            : VolunteerId is { } person ? person == actor.UserId
            : dispatchedGroup is { } g && g.Id == GroupId && g.Members.Contains(actor.UserId),
        SmallRequestAction.ReportDone => actor.UserId == VolunteerId,
        SmallRequestAction.Confirm => actor.UserId == PostedBy,
        _ => false,
    };

    private void Begin(Actor by, VolunteerGroup? dispatchedGroup, SmallRequestAction action)
    {
        var valid = ValidActions();
        if (!valid.Contains(action))
            throw new SmallRequestRuleViolation(RequestRefusals.NotNow.With(
                RequestRefusals.Action(action), RequestRefusals.Status(Status), RequestRefusals.Allowed(valid)));
        if (Permits(by, dispatchedGroup, action)) return;
        throw action switch
        {
            SmallRequestAction.Dispatch => NotPermitted.Requires(RequestRefusals.ToDispatch, CouncilRole.Clerk),
            SmallRequestAction.Take => new NotPermitted(Status == SmallRequestStatus.Open
                ? RequestRefusals.VolunteersTake : RequestRefusals.DispatchedElsewhere),
            SmallRequestAction.ReportDone => new NotPermitted(RequestRefusals.TakerReportsDone),
            _ => new NotPermitted(RequestRefusals.PosterConfirms),
        };
    }

    public static string Kebab(SmallRequestAction action) => action switch
    {
        SmallRequestAction.ReportDone => "report-done",
        _ => action.ToString().ToLowerInvariant(),
    };

    public void Apply(SmallRequestEvent e)
    {
        switch (e)
        {
            case SmallRequestPosted p:
                (Id, CouncilId, Title, Details, Category, Place, NeededBy, PostedBy, OnBehalfOf, Status) =
                    (p.RequestId, p.CouncilId, p.Title, p.Details, p.Category, p.Place, p.NeededBy, p.PostedBy, p.OnBehalfOf, SmallRequestStatus.Open);
                TimeZoneId = p.TimeZoneId ?? CouncilTime.DefaultZoneId;
                break;
            case SmallRequestDispatched d: (GroupId, GroupName, VolunteerId, Status) = (d.GroupId, d.GroupName, d.VolunteerId, SmallRequestStatus.Dispatched); break;
            case SmallRequestTaken t: (VolunteerId, Status) = (t.VolunteerId, SmallRequestStatus.Taken); break;
            case SmallRequestDone d: (Report, Status) = (d.Report, SmallRequestStatus.Done); break;
            case SmallRequestConfirmed c: (Score, Comment, Status) = (c.Score, c.Comment, SmallRequestStatus.Confirmed); break;
            case SmallRequestOverdue: Overdue = true; break;
        }
    }

    private IReadOnlyList<SmallRequestEvent> Raise(params SmallRequestEvent[] events)
    {
        foreach (var e in events) Apply(e);
        return events;
    }
}
