using Deliberation.Domain.Councils;

namespace Deliberation.Domain.AgendaItems;

/// <summary>The two disclosures, the notice period with its objections, implementation and the residents' rating.</summary>
public sealed partial class AgendaItem
{
    public IReadOnlyList<AgendaItemEvent> Disclose(Actor by, DateTimeOffset now, int? noticeDaysOverride)
    {
        Begin(by, ItemAction.Disclose);
        var days = noticeDaysOverride ?? CurrentStep!.NoticeDays ?? 7;
        if (days < 1) throw new ArgumentException("The notice period is at least one day.", "noticeDays");
        return Raise(new ResolutionDisclosed(now.AddDays(days)));
    }

    public IReadOnlyList<AgendaItemEvent> Object(Actor by, DateTimeOffset now, string text)
    {
        Begin(by, ItemAction.Object);
        if (now >= NoticeEndsAt) throw new ProcessRuleViolation("object", "past its notice period", ValidActions().Where(a => a != ItemAction.Object).ToList());
        Require(text, "objection");
        return Raise(new ObjectionRaised(_objections.Count + 1, text.Trim(), by.UserId));
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
            throw new ProcessRuleViolation("end-notice", $"in its notice period until {NoticeEndsAt:yyyy-MM-dd HH:mm} UTC", ValidActions().Where(a => a != ItemAction.EndNotice).ToList());
        return Raise([new NoticePeriodEnded(), new StepCompleted(CurrentStep!.Id), Advance("notice period ended")]);
    }

    public IReadOnlyList<AgendaItemEvent> AssignImplementation(Actor by, string responsibleParty, DateOnly deadline)
    {
        Begin(by, ItemAction.AssignImplementation);
        Require(responsibleParty, "responsible party");
        if (deadline == default) throw new ArgumentException("Give a deadline.", nameof(deadline));
        return Raise(new ImplementationAssigned(responsibleParty.Trim(), deadline));
    }

    public IReadOnlyList<AgendaItemEvent> ReportProgress(Actor by, string text, int? percentDone)
    {
        Begin(by, ItemAction.ReportProgress);
        Require(text, "progress report");
        if (percentDone is < 0 or > 100) throw new ArgumentException("Progress is between 0 and 100 percent.", nameof(percentDone));
        return Raise(new ProgressReported(text.Trim(), percentDone));
    }

    public IReadOnlyList<AgendaItemEvent> CompleteImplementation(Actor by, string summary)
    {
        Begin(by, ItemAction.CompleteImplementation);
        Require(summary, "summary");
        return Raise([new ImplementationCompleted(summary.Trim()), new StepCompleted(CurrentStep!.Id), Advance("implementation completed")]);
    }

    public IReadOnlyList<AgendaItemEvent> DiscloseResult(Actor by, string text)
    {
        Begin(by, ItemAction.DiscloseResult);
        Require(text, "result");
        return Raise(new ResultDisclosed(text.Trim()));
    }

    public IReadOnlyList<AgendaItemEvent> Rate(Actor by, int score)
    {
        Begin(by, ItemAction.Rate);
        if (score is < 1 or > 5) throw new ArgumentException("A rating is from 1 to 5.", nameof(score));
        if (_ratings.Any(r => r.RatedBy == by.UserId)) throw new ArgumentException("You have rated this result already.", nameof(score));
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
            throw new ArgumentException($"There is no undecided objection number {no}.", "objectionNo");
    }
}
