namespace Deliberation.Domain.Escalations;

/// <summary>What an escalation refuses, in its own words (see <see cref="RefusalText"/>).</summary>
public static class EscalationRefusals
{
    public static readonly RefusalText NotNow = new("escalation.not-now", "Cannot {0}: the escalation is {1}. Allowed now: {2}.");
    public static readonly RefusalText RateOwnTopic = new("escalation.rate-own-topic", "Only the one who submitted the topic may rate its feedback.");
    public static readonly RefusalText DepartmentOnly = new("escalation.department-only", "Only an account of {0} may answer this escalation.");
    public static readonly RefusalText IdRequired = new("escalation.id-required", "The escalation id is required.");
    public static readonly RefusalText RespondWithin = new("escalation.respond-within", "The time to respond is 1 to {0} hours.");
    public static readonly RefusalText DuePassed = new("escalation.due-passed", "The due date has passed already.");
    public static readonly RefusalText RespondAfterDue = new("escalation.respond-after-due", "The time to respond ends after the due date.");
    public static readonly RefusalText NewDuePassed = new("escalation.new-due-passed", "The new due date has passed already.");
    public static readonly RefusalText ToEscalate = new("escalation.act.escalate", "escalate to a department");
    public static readonly RefusalText ToReopen = new("escalation.act.reopen", "send it back to be done again");

    public static RefusalPart Action(EscalationAction action) => new(Escalation.Kebab(action), [$"escalation.action.{Escalation.Kebab(action)}"]);

    public static RefusalPart Status(EscalationStatus status) => new(status.ToString().ToLowerInvariant(), [$"escalation.status.{status}"]);

    public static RefusalPart Allowed(IReadOnlyList<EscalationAction> allowed) => RefusalPart.Listed(
        allowed.Count == 0 ? "nothing" : string.Join(", ", allowed.Select(Escalation.Kebab)),
        allowed.Select(a => $"escalation.action.{Escalation.Kebab(a)}"));
}
