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
        RequireClerk(by, "keep the council's categories");
        var category = TextRules.Required(name, TextKind.Name, "category");
        if (_requestCategories.Contains(category)) throw new ArgumentException($"The council has the category '{category}' already.", nameof(name));
        if (_requestCategories.Count >= MaxCategories) throw new ArgumentException($"A council keeps at most {MaxCategories} categories.", nameof(name));
        return Raise(new CategoryAdded(category, Reason(reason)));
    }

    public IReadOnlyList<CouncilEvent> RenameCategory(Actor by, string from, string to, string? reason)
    {
        RequireClerk(by, "keep the council's categories");
        var current = Known(from, nameof(from));
        var renamed = TextRules.Required(to, TextKind.Name, "new name");
        if (renamed == current) return [];
        if (_requestCategories.Contains(renamed)) throw new ArgumentException($"The council has the category '{renamed}' already.", nameof(to));
        return Raise(new CategoryRenamed(current, renamed, Reason(reason)));
    }

    public IReadOnlyList<CouncilEvent> RetireCategory(Actor by, string name, string? reason)
    {
        RequireClerk(by, "keep the council's categories");
        return Raise(new CategoryRetired(Known(name, nameof(name)), Reason(reason)));
    }

    /// <summary>A new topic's category: empty (none), or one on the council's list now.</summary>
    public static string CheckCategory(string? category, IReadOnlyList<string> councilCategories)
    {
        if (string.IsNullOrWhiteSpace(category)) return "";
        // The text rules first: an overlong or garbled value is told as such, not merely as unknown.
        var text = TextRules.Check(category, TextKind.Name, "category").Trim();
        return councilCategories.Contains(text) ? text
            : throw new ArgumentException($"'{text}' is not one of the council's categories: {string.Join(", ", councilCategories)}.", "category");
    }

    private string Known(string? name, string what) =>
        _requestCategories.FirstOrDefault(c => c == name?.Trim()) ?? throw new ArgumentException($"The council has no category '{name}'.", what);

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
