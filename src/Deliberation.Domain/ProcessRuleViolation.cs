using Deliberation.Domain.AgendaItems;

namespace Deliberation.Domain;

/// <summary>
/// The item's process does not allow this action now, whoever asks.
/// Carries what is allowed so the caller can say what to do instead.
/// </summary>
public sealed class ProcessRuleViolation : Exception
{
    public ProcessRuleViolation(string attempted, string currentState, IReadOnlyList<ItemAction> allowedActions)
        : base(Describe(attempted, currentState, allowedActions))
    {
        AllowedActions = allowedActions;
    }

    /// <summary>The same refusal told again elsewhere (carried from another node of the cluster).</summary>
    public ProcessRuleViolation(string message, IReadOnlyList<ItemAction> allowedActions) : base(message)
    {
        AllowedActions = allowedActions;
    }

    public IReadOnlyList<ItemAction> AllowedActions { get; }

    private static string Describe(string attempted, string currentState, IReadOnlyList<ItemAction> allowed)
    {
        var now = allowed.Count == 0 ? "nothing" : string.Join(", ", allowed.Select(a => a.ToKebabCase()));
        return $"Cannot {attempted}: the item is {currentState}. Allowed now: {now}.";
    }
}
