using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Process;

namespace Deliberation.Domain.AgendaItems;

public sealed partial class AgendaItem
{
    public const int MaxTitleLength = 120;

    public static (AgendaItem Item, IReadOnlyList<AgendaItemEvent> Events) Submit(Actor by, string itemId, string councilId,
        string title, string text, string category, string place, string? onBehalfOf)
    {
        var forSomeoneElse = !string.IsNullOrWhiteSpace(onBehalfOf);
        if (forSomeoneElse && !by.Holds(CouncilRole.GridWorker))
            throw NotPermitted.Requires("submit on behalf of someone", "grid worker");
        if (!forSomeoneElse && !by.Holds(CouncilRole.Resident))
            throw NotPermitted.Requires("submit a topic", "verified resident", "grid worker (naming the resident)");
        Require(title, "title");
        Require(text, "text");
        if (title.Trim().Length > MaxTitleLength) throw new ArgumentException($"A title has at most {MaxTitleLength} characters.", nameof(title));
        var item = new AgendaItem();
        return (item, item.Raise(new ItemSubmitted(itemId, councilId, title.Trim(), text.Trim(), (category ?? "").Trim(),
            (place ?? "").Trim(), by.UserId, forSomeoneElse ? onBehalfOf!.Trim() : null)));
    }

    public IReadOnlyList<AgendaItemEvent> Accept(Actor by, ProcessTemplate template, string? note)
    {
        Begin(by, ItemAction.Accept);
        template.Validate();
        return Raise(new ItemAccepted(template.Id, template.Version, template, note),
            new StepEntered(template.Steps[0].Id, 0, "accepted"));
    }

    public IReadOnlyList<AgendaItemEvent> Merge(Actor by, string intoItemId, string reason)
    {
        Begin(by, ItemAction.Merge);
        Require(intoItemId, "item to merge into");
        if (intoItemId == Id) throw new ArgumentException("An item cannot be merged into itself.", nameof(intoItemId));
        return Raise(new ItemMerged(intoItemId, Reason(reason)));
    }

    public IReadOnlyList<AgendaItemEvent> Route(Actor by, string department, string reason)
    {
        Begin(by, ItemAction.Route);
        Require(department, "department");
        return Raise(new ItemRouted(department.Trim(), Reason(reason)));
    }

    public IReadOnlyList<AgendaItemEvent> Decline(Actor by, string reason)
    {
        Begin(by, ItemAction.Decline);
        return Raise(new ItemDeclined(Reason(reason)));
    }

    public IReadOnlyList<AgendaItemEvent> RecordProposal(Actor by, string text, IReadOnlyList<string> options, string source)
    {
        Begin(by, ItemAction.RecordProposal);
        Require(text, "proposal");
        return Raise(new ProposalRecorded(_proposals.Count + 1, text.Trim(),
            options.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToList(), string.IsNullOrWhiteSpace(source) ? "—" : source));
    }

    public IReadOnlyList<AgendaItemEvent> ReviseProposal(Actor by, string text, string reason)
    {
        Begin(by, ItemAction.ReviseProposal);
        Require(text, "revised proposal");
        return Raise(new ProposalRevised(_proposals.Count + 1, text.Trim(), Reason(reason)));
    }

    public IReadOnlyList<AgendaItemEvent> RecordConsultation(Actor by, string? meetingId, string summary)
    {
        Begin(by, ItemAction.RecordConsultation);
        Require(summary, "summary");
        return Raise(new ConsultationRecorded(meetingId, summary.Trim()));
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
        if (!valid.Contains(action)) throw new ProcessRuleViolation(action.ToKebabCase(), StateDescription, valid);
        ItemPermissions.Demand(by, action, CurrentStep);
    }

    private IReadOnlyList<AgendaItemEvent> Raise(params AgendaItemEvent[] events)
    {
        foreach (var e in events) Apply(e);
        return events;
    }

    private static void Require(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"The {what} is required.", what);
    }

    private static string Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("Give a reason: it is part of the public record.", "reason") : reason.Trim();
}
