namespace Deliberation.Domain.Councils;

/// <summary>A department the council escalates to (the township's 城建办, the water company): the accounts that answer for it.</summary>
public sealed record Department(string Id, string Name, string Contact, IReadOnlyList<string> Accounts)
{
    public bool AnswersFor(string userId) => Accounts.Contains(userId);
}

/// <summary>A group of volunteers (党员志愿服务队) the clerk may dispatch a small request to.</summary>
public sealed record VolunteerGroup(string Id, string Name, IReadOnlyList<string> Members);

/// <summary>The council's department, recorded anew whenever the clerk changes it (the last record is the one that holds).</summary>
public sealed record DepartmentRecorded(string DepartmentId, string Name, string Contact, IReadOnlyList<string> Accounts, string Reason) : CouncilEvent;

public sealed record VolunteerGroupRecorded(string GroupId, string Name, IReadOnlyList<string> Members, string Reason) : CouncilEvent;

/// <summary>The categories residents choose from when they post a small request (微心愿).</summary>
public sealed record RequestCategoriesRecorded(IReadOnlyList<string> Categories, string Reason) : CouncilEvent;
