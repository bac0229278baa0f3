using System.Text;

namespace Deliberation.Domain.AgendaItems;

public enum ItemAction
{
    Accept, Merge, Route, Decline,
    RecordProposal, ReviseProposal, RecordConsultation, CompleteStep,
    RecordResolution, ApproveReview, ReturnReview,
    Disclose, Object, UpholdObjection, DismissObjection, EndNotice,
    AssignImplementation, ReportProgress, CompleteImplementation,
    DiscloseResult, Rate, Close,
}

/// <summary>Actions travel through URLs and messages in kebab-case ("record-proposal").</summary>
public static class ItemActions
{
    private static readonly Dictionary<string, ItemAction> ByKebab =
        Enum.GetValues<ItemAction>().ToDictionary(a => a.ToKebabCase(), StringComparer.Ordinal);

    public static IReadOnlyList<ItemAction> All { get; } = Enum.GetValues<ItemAction>();

    public static string ToKebabCase(this ItemAction action)
    {
        var name = action.ToString();
        var kebab = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) kebab.Append('-');
            kebab.Append(char.ToLowerInvariant(name[i]));
        }
        return kebab.ToString();
    }

    public static bool TryParse(string? kebab, out ItemAction action) =>
        ByKebab.TryGetValue(kebab ?? "", out action);
}
