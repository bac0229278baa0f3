using Deliberation.Domain.AgendaItems;

namespace Deliberation.Domain;

/// <summary>
/// The item's process does not allow this action now, whoever asks.
/// Carries what is allowed so the caller can say what to do instead.
/// </summary>
public sealed class ProcessRuleViolation : Exception
{
    /// <param name="said">Its words; their last part is what is allowed now (<see cref="Allowed"/>).</param>
    public ProcessRuleViolation(Said said, IReadOnlyList<ItemAction> allowedActions) : base(said.Text)
    {
        AllowedActions = allowedActions;
        said.Stamp(this);
    }

    public IReadOnlyList<ItemAction> AllowedActions { get; }

    /// <summary>An action as the item's page names it (action.*), e.g. to say what was attempted.</summary>
    public static RefusalPart Action(ItemAction action) => new(action.ToKebabCase(), [$"action.{action.ToKebabCase()}"]);

    /// <summary>What is allowed now: "accept, merge", or "nothing".</summary>
    public static RefusalPart Allowed(IReadOnlyList<ItemAction> allowed) => RefusalPart.Listed(
        allowed.Count == 0 ? "nothing" : string.Join(", ", allowed.Select(a => a.ToKebabCase())),
        allowed.Select(a => $"action.{a.ToKebabCase()}"));
}
