namespace Deliberation.Domain.Minutes;

public abstract record MinutesEvent;

/// <summary>The minutes of one meeting were begun, under the body's rule for approving them.</summary>
public sealed record MinutesStarted(string MeetingId, string CouncilId, string BodyId, MinutesApproval Approval) : MinutesEvent;

/// <summary>The clerk's account of the discussion (Markdown), during or after the meeting; the latest is the working text.</summary>
public sealed record DiscussionWritten(string Markdown) : MinutesEvent;

/// <summary>
/// The working text was approved for publication: by the chair, or (<c>BallotId</c>) by a ballot of the body at a
/// later meeting where its rule says so.
/// </summary>
public sealed record MinutesApproved(MinutesApproval By, string? BallotId) : MinutesEvent;

/// <summary>
/// The first published version: the draft and the discussion as they were, never changed afterwards; it carries its own
/// time and publisher so that the version reads the same from the event alone.
/// </summary>
public sealed record MinutesPublished(int Version, MinutesDraft Draft, string Discussion, DateTimeOffset PublishedAt, string PublishedBy) : MinutesEvent;

/// <summary>A correction: a new version, linked to the one it corrects (which stays readable), with the reason.</summary>
public sealed record MinutesCorrected(int Version, int Corrects, MinutesDraft Draft, string Discussion, string Reason,
    DateTimeOffset PublishedAt, string PublishedBy) : MinutesEvent;

/// <summary>How a body's minutes are approved. Data: each body's rule is looked up, not coded into the steps.</summary>
public enum MinutesApproval { Chair, VoteAtNextMeeting }

public enum MinutesStatus { Drafting, Approved, Published }

/// <summary>One published version, as the public reads it.</summary>
public sealed record MinutesVersion(int Number, MinutesDraft Draft, string Discussion, DateTimeOffset PublishedAt, string PublishedBy,
    int? Corrects, string? Reason, int? CorrectedBy);
