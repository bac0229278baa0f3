namespace Deliberation.Web.Requests;

/// <summary>A resident's small request or wish (微心愿); a grid worker names the resident it is for.</summary>
public sealed record PostSmallRequest(string Title, string? Details, string Category, string Place, DateOnly NeededBy, string? OnBehalfOf);

public abstract record SmallRequestCommand;

/// <summary>To a volunteer group (its id) or to one person (their user id).</summary>
public sealed record DispatchSmallRequest(string? GroupId, string? VolunteerId, string? Note) : SmallRequestCommand;
public sealed record TakeSmallRequest : SmallRequestCommand;
public sealed record ReportSmallRequestDone(string Report) : SmallRequestCommand;
public sealed record ConfirmSmallRequest(int Score, string? Comment) : SmallRequestCommand;

public sealed record SmallRequestView(string Id, string CouncilId, string Title, string Details, string Category, string Place,
    DateOnly NeededBy, string PostedBy, string? OnBehalfOf, string Status, string? GroupId, string? GroupName, string? VolunteerId,
    string? Report, int? Score, string? Comment, bool Overdue, IReadOnlyList<string> Allowed);

/// <summary>
/// What the stream catalogue keeps for the lists (mine, open, done), read without replaying; the zone its day ends in
/// (none in a row written before zones were recorded: China Standard Time).
/// </summary>
public sealed record SmallRequestSummary(string Id, string CouncilId, string Title, string Category, string Place, DateOnly NeededBy,
    string PostedBy, string Status, string? GroupId, string? VolunteerId, bool Overdue, DateTimeOffset UpdatedAt, string? TimeZoneId = null);
