namespace Deliberation.Web.Categories;

public enum CategoryChange { Add, Rename, Retire }

/// <summary>One change to the council's categories: <c>NewName</c> only for a rename.</summary>
public sealed record ChangeCategory(CategoryChange Change, string Name, string? NewName, string? Reason);

public sealed record CategoryBody(string Name, string? Reason);

public sealed record RenameCategoryBody(string From, string To, string? Reason);
