using Deliberation.Domain.Councils;

namespace Deliberation.Domain.AgendaItems;

/// <summary>The two disclosures, the notice period with its objections, implementation and the residents' rating.</summary>
public sealed partial class AgendaItem
{
    // A notice period longer than a quarter would hold a decision in limbo; process.md's default is 7 days.
    public const int MinNoticeDays = 1;
    public const int MaxNoticeDays = 90;

    public IReadOnlyList<AgendaItemEvent> Disclose(Actor by, DateTimeOffset now, int? noticeDaysOverride)
    {
        Begin(by, ItemAction.Disclose);
        var days = noticeDaysOverride ?? CurrentStep!.NoticeDays ?? 7;
        if (days is < MinNoticeDays or > MaxNoticeDays)
            throw CommonRefusals.NoticeDays.With(MinNoticeDays, MaxNoticeDays).Invalid("noticeDays");
        return Raise(new ResolutionDisclosed(now.AddDays(days)));
    }

    public IReadOnlyList<AgendaItemEvent> Object(Actor by, DateTimeOffset now, string text)
    {
        Begin(by, ItemAction.Object);
        if (now >= NoticeEndsAt) throw Refused(ItemRefusals.PastNotice, ItemAction.Object);
        return Raise(new ObjectionRaised(_objections.Count + 1, Require(text, TextKind.Note, "objection"), by.UserId));
    }

    /// <summary>An upheld objection sends the item back to consultation: the resolution is reconsidered.</summary>
    public IReadOnlyList<AgendaItemEvent> UpholdObjection(Actor by, int objectionNo, string reason)
    {
        Begin(by, ItemAction.UpholdObjection);
        PendingObjection(objectionNo);
        return Raise(new ObjectionUpheld(objectionNo, Reason(reason)), BackTo(CurrentStep!.OnObjectionUpheld, "objection upheld"));
    }

    public IReadOnlyList<AgendaItemEvent> DismissObjection(Actor by, int objectionNo, string reason)
    {
        Begin(by, ItemAction.DismissObjection);
        PendingObjection(objectionNo);
        return Raise(new ObjectionDismissed(objectionNo, Reason(reason)));
    }

    public IReadOnlyList<AgendaItemEvent> EndNotice(Actor by, DateTimeOffset now)
    {
        Begin(by, ItemAction.EndNotice);
        if (now < NoticeEndsAt)
            throw Refused(ItemRefusals.InNotice, ItemAction.EndNotice, $"{NoticeEndsAt:yyyy-MM-dd HH:mm}");
        return Raise([new NoticePeriodEnded(), new StepCompleted(CurrentStep!.Id), Advance("notice period ended")]);
    }

    /// <summary>
    /// When the notice period is due to end by itself: its end, while it runs. The council's process, not a person, ends
    /// it then (<see cref="EndNoticeWhenDue"/>); a clerk may still end it by hand once it is over.
    /// </summary>
    public DateTimeOffset? NoticeDueAt => _noticeRunning ? NoticeEndsAt : null;

    /// <summary>
    /// The process ends a notice period that is over and has no objection waiting for a decision, and moves the item on;
    /// otherwise nothing happens (an objection still pending holds the item until the clerk decides it).
    /// </summary>
    public IReadOnlyList<AgendaItemEvent> EndNoticeWhenDue(DateTimeOffset now)
    {
        if (NoticeDueAt is not { } due || now < due || _objections.Any(o => o.State == ObjectionState.Pending)) return [];
        return Raise([new NoticePeriodEnded(), new StepCompleted(CurrentStep!.Id), Advance("notice period ended")]);
    }

    public IReadOnlyList<AgendaItemEvent> AssignImplementation(Actor by, string responsibleParty, DateOnly deadline)
    {
        Begin(by, ItemAction.AssignImplementation);
        var party = Require(responsibleParty, TextKind.Name, "responsible party");
        if (deadline == default) throw ItemRefusals.GiveDeadline.Invalid(nameof(deadline));
        return Raise(new ImplementationAssigned(party, deadline));
    }

    public IReadOnlyList<AgendaItemEvent> ReportProgress(Actor by, string text, int? percentDone)
    {
        Begin(by, ItemAction.ReportProgress);
        var report = Require(text, TextKind.Body, "progress report");
        if (percentDone is < 0 or > 100) throw ItemRefusals.ProgressPercent.Invalid(nameof(percentDone));
        return Raise(new ProgressReported(report, percentDone));
    }

    public IReadOnlyList<AgendaItemEvent> CompleteImplementation(Actor by, string summary)
    {
        Begin(by, ItemAction.CompleteImplementation);
        return Raise([new ImplementationCompleted(Require(summary, TextKind.Body, "summary")), new StepCompleted(CurrentStep!.Id), Advance("implementation completed")]);
    }

    public IReadOnlyList<AgendaItemEvent> DiscloseResult(Actor by, string text)
    {
        Begin(by, ItemAction.DiscloseResult);
        return Raise(new ResultDisclosed(Require(text, TextKind.Body, "result")));
    }

    public IReadOnlyList<AgendaItemEvent> Rate(Actor by, int score)
    {
        Begin(by, ItemAction.Rate);
        if (score is < 1 or > 5) throw CommonRefusals.RatingRange.Invalid(nameof(score));
        if (_ratings.Any(r => r.RatedBy == by.UserId)) throw ItemRefusals.RatedAlready.Invalid(nameof(score));
        return Raise(new ResultRated(by.UserId, score));
    }

    public IReadOnlyList<AgendaItemEvent> Close(Actor by, string reason)
    {
        Begin(by, ItemAction.Close);
        return Raise([new StepCompleted(CurrentStep!.Id), new ItemClosed(ItemOutcome.Completed, Reason(reason))]);
    }

    private void PendingObjection(int no)
    {
        if (_objections.All(o => o.No != no || o.State != ObjectionState.Pending))
            throw ItemRefusals.NoSuchObjection.With(no).Invalid("objectionNo");
    }
}
