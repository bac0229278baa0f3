namespace Deliberation.Domain.Councils;

/// <summary>
/// The council's categories, one list for residents' topics and small requests, kept one change at a time: a category
/// added, renamed or retired. Items keep the category text they were filed under: a rename or retirement changes the
/// list offered from then on, never the record.
/// </summary>
public sealed partial class Council
{
    private const int MaxCategories = 30;

    /// <summary>The list topics and small requests choose from.</summary>
    public IReadOnlyList<string> Categories => _requestCategories;

    public IReadOnlyList<CouncilEvent> AddCategory(Actor by, string name, string? reason)
    {
        RequireClerk(by, CouncilRefusals.ToKeepCategories);
        var category = TextRules.Required(name, TextKind.Name, "category");
        if (_requestCategories.Contains(category)) throw CouncilRefusals.HasCategory.With(category).Invalid(nameof(name));
        if (_requestCategories.Count >= MaxCategories) throw CouncilRefusals.MostCategories.With(MaxCategories).Invalid(nameof(name));
        return Raise(new CategoryAdded(category, Reason(reason)));
    }

    public IReadOnlyList<CouncilEvent> RenameCategory(Actor by, string from, string to, string? reason)
    {
        RequireClerk(by, CouncilRefusals.ToKeepCategories);
        var current = Known(from, nameof(from));
        var renamed = TextRules.Required(to, TextKind.Name, "new name");
        if (renamed == current) return [];
        if (_requestCategories.Contains(renamed)) throw CouncilRefusals.HasCategory.With(renamed).Invalid(nameof(to));
        return Raise(new CategoryRenamed(current, renamed, Reason(reason)));
    }

    public IReadOnlyList<CouncilEvent> RetireCategory(Actor by, string name, string? reason)
    {
        RequireClerk(by, CouncilRefusals.ToKeepCategories);
        return Raise(new CategoryRetired(Known(name, nameof(name)), Reason(reason)));
    }

    /// <summary>A new topic's category: empty (none), or one on the council's list now.</summary>
    public static string CheckCategory(string? category, IReadOnlyList<string> councilCategories)
    {
        if (string.IsNullOrWhiteSpace(category)) return "";
        // The text rules first: an overlong or garbled value is told as such, not merely as unknown.
        var text = TextRules.Check(category, TextKind.Name, "category").Trim();
        return councilCategories.Contains(text) ? text
            : throw CouncilRefusals.NotACategory.With(text, string.Join(", ", councilCategories)).Invalid("category");
    }

    private string Known(string? name, string what) =>
        _requestCategories.FirstOrDefault(c => c == name?.Trim()) ?? throw CouncilRefusals.NoSuchCategory.With(name ?? "").Invalid(what);

    private void ApplyCategories(CouncilEvent e)
    {
        switch (e)
        {
            case CategoryAdded a: _requestCategories.Add(a.Name); break;
            case CategoryRenamed r: _requestCategories[_requestCategories.IndexOf(r.From)] = r.To; break;
            case CategoryRetired r: _requestCategories.Remove(r.Name); break;
        }
    }
}

public sealed record CategoryAdded(string Name, string Reason) : CouncilEvent;

public sealed record CategoryRenamed(string From, string To, string Reason) : CouncilEvent;

public sealed record CategoryRetired(string Name, string Reason) : CouncilEvent;
