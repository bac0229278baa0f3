namespace Deliberation.Domain.Requests;

/// <summary>Something that happened to a small request (微心愿). Actor and time live in the log's envelope.</summary>
public abstract record SmallRequestEvent;

/// <summary>
/// A resident orders (群众点单), or a grid worker on their behalf: what, which category, where, needed by when, and the
/// council's zone then, in which that day ends (none recorded before zones were: China Standard Time).
/// </summary>
public sealed record SmallRequestPosted(string RequestId, string CouncilId, string Title, string Details, string Category, string Place,
    DateOnly NeededBy, string PostedBy, string? OnBehalfOf, string? TimeZoneId = null) : SmallRequestEvent;

/// <summary>The clerk dispatches it (社区派单) to a volunteer group or to one person.</summary>
public sealed record SmallRequestDispatched(string? GroupId, string? GroupName, string? VolunteerId, string Note) : SmallRequestEvent;

/// <summary>A volunteer takes it (党员接单): an open one, or one dispatched to them or their group.</summary>
public sealed record SmallRequestTaken(string VolunteerId) : SmallRequestEvent;

public sealed record SmallRequestDone(string Report) : SmallRequestEvent;

/// <summary>The resident confirms it was done and rates it.</summary>
public sealed record SmallRequestConfirmed(int Score, string? Comment) : SmallRequestEvent;

/// <summary>Its day passed with it not taken or not done; noticed by the council's clock, not a person.</summary>
public sealed record SmallRequestOverdue(DateOnly NeededBy, SmallRequestStatus Stage) : SmallRequestEvent;

public enum SmallRequestStatus { Open, Dispatched, Taken, Done, Confirmed }

public enum SmallRequestAction { Dispatch, Take, ReportDone, Confirm }

/// <summary>A small request's rules refuse this now, whoever asks.</summary>
public sealed class SmallRequestRuleViolation : InvalidOperationException
{
    public SmallRequestRuleViolation(Said said) : base(said.Text) => said.Stamp(this);
}
