using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Process;

namespace Deliberation.Domain.AgendaItems;

public sealed partial class AgendaItem
{
    public static (AgendaItem Item, IReadOnlyList<AgendaItemEvent> Events) Submit(Actor by, string itemId, string councilId,
        string title, string text, string category, string place, string? onBehalfOf)
    {
        var forSomeoneElse = !string.IsNullOrWhiteSpace(onBehalfOf);
        if (forSomeoneElse && !by.Holds(CouncilRole.GridWorker))
            throw new NotPermitted(ItemRefusals.SubmitForSomeone);
        if (!forSomeoneElse && !by.Holds(CouncilRole.Resident))
            throw new NotPermitted(ItemRefusals.SubmitTopic);
        var item = new AgendaItem();
        return (item, item.Raise(new ItemSubmitted(itemId, councilId, Require(title, TextKind.Title, "title"), Require(text, TextKind.Body, "text"),
            TextRules.Check(category, TextKind.Name, "category"), TextRules.Check(place, TextKind.Name, "place"), by.UserId,
            forSomeoneElse ? TextRules.Check(onBehalfOf, TextKind.Name, "resident's name") : null)));
    }

    public IReadOnlyList<AgendaItemEvent> Accept(Actor by, ProcessTemplate template, string? note)
    {
        Begin(by, ItemAction.Accept);
        template.Validate();
        return Raise(new ItemAccepted(template.Id, template.Version, template, TextRules.Optional(note, TextKind.Note, "note")),
            new StepEntered(template.Steps[0].Id, 0, "accepted"));
    }

    public IReadOnlyList<AgendaItemEvent> Merge(Actor by, string intoItemId, string reason)
    {
        Begin(by, ItemAction.Merge);
        Require(intoItemId, TextKind.Name, "item to merge into");
        if (intoItemId == Id) throw ItemRefusals.MergeIntoItself.Invalid(nameof(intoItemId));
        return Raise(new ItemMerged(intoItemId, Reason(reason)));
    }

    public IReadOnlyList<AgendaItemEvent> Route(Actor by, string department, string reason, string? escalationId = null)
    {
        Begin(by, ItemAction.Route);
        return Raise(new ItemRouted(Require(department, TextKind.Name, "department"), Reason(reason), escalationId));
    }

    public IReadOnlyList<AgendaItemEvent> Decline(Actor by, string reason)
    {
        Begin(by, ItemAction.Decline);
        return Raise(new ItemDeclined(Reason(reason)));
    }

    public IReadOnlyList<AgendaItemEvent> RecordProposal(Actor by, string text, IReadOnlyList<string> options, string source)
    {
        Begin(by, ItemAction.RecordProposal);
        var proposal = Require(text, TextKind.Body, "proposal");
        if (options.Count > 20) throw ItemRefusals.ProposalOptions.Invalid(nameof(options));
        return Raise(new ProposalRecorded(_proposals.Count + 1, proposal,
            options.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => TextRules.Check(o, TextKind.Title, "option")).ToList(),
            TextRules.Optional(source, TextKind.Name, "source") ?? "—"));
    }

    public IReadOnlyList<AgendaItemEvent> ReviseProposal(Actor by, string text, string reason)
    {
        Begin(by, ItemAction.ReviseProposal);
        return Raise(new ProposalRevised(_proposals.Count + 1, Require(text, TextKind.Body, "revised proposal"), Reason(reason)));
    }

    public IReadOnlyList<AgendaItemEvent> RecordConsultation(Actor by, string? meetingId, string summary)
    {
        Begin(by, ItemAction.RecordConsultation);
        return Raise(new ConsultationRecorded(TextRules.Optional(meetingId, TextKind.Name, "meeting"), Require(summary, TextKind.Body, "summary")));
    }

    public IReadOnlyList<AgendaItemEvent> CompleteStep(Actor by)
    {
        Begin(by, ItemAction.CompleteStep);
        return Raise([new StepCompleted(CurrentStep!.Id), Advance("step completed")]);
    }

    /// <summary>Counts the ballot under the body's rule. A rejection (or no quorum) closes the item and discloses it.</summary>
    public IReadOnlyList<AgendaItemEvent> RecordResolution(Actor by, DecisionRule rule, Tally tally, string? meetingId)
    {
        Begin(by, ItemAction.RecordResolution);
        var step = CurrentStep!;
        var decision = rule.Evaluate(tally);
        return decision.Passes
            ? Raise([new ResolutionAdopted(step.Id, rule.Id, tally, decision.Quorum, meetingId), new StepCompleted(step.Id), Advance("resolution adopted")])
            : Raise(new ResolutionRejected(step.Id, rule.Id, tally, decision.Quorum, meetingId),
                new ItemClosed(ItemOutcome.Rejected, decision.Quorum ? "the motion did not pass" : "no quorum"));
    }

    public IReadOnlyList<AgendaItemEvent> ApproveReview(Actor by, string opinion)
    {
        Begin(by, ItemAction.ApproveReview);
        return Raise([new ReviewApproved(Reason(opinion)), new StepCompleted(CurrentStep!.Id), Advance("review approved")]);
    }

    public IReadOnlyList<AgendaItemEvent> ReturnReview(Actor by, string reasons)
    {
        Begin(by, ItemAction.ReturnReview);
        return Raise(new ReviewReturned(Reason(reasons)), BackTo(CurrentStep!.OnReturned, "returned by review"));
    }

    private AgendaItemEvent Advance(string reason)
    {
        var next = CurrentStepIndex + 1;
        return next < Template!.Steps.Count
            ? new StepEntered(Template.Steps[next].Id, next, reason)
            : new ItemClosed(ItemOutcome.Completed, reason);
    }

    private StepEntered BackTo(string? stepId, string reason)
    {
        var target = stepId ?? Template!.Steps.First(s => s.Kind == StepKind.Consultation).Id;
        return new StepEntered(target, Template!.IndexOf(target), reason);
    }

    private void Begin(Actor by, ItemAction action)
    {
        var valid = ValidActions();
        if (!valid.Contains(action)) throw NotNow(ProcessRuleViolation.Action(action), valid);
        ItemPermissions.Demand(by, action, CurrentStep);
    }

    private IReadOnlyList<AgendaItemEvent> Raise(params AgendaItemEvent[] events)
    {
        foreach (var e in events) Apply(e);
        return events;
    }

    private static string Require(string? value, TextKind kind, string what) => TextRules.Required(value, kind, what);

    private static string Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw ItemRefusals.GiveReason.Invalid("reason")
            : TextRules.Check(reason, TextKind.Note, "reason");
}
