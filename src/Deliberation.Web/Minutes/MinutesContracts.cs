using Deliberation.Domain.Councils;
using Deliberation.Domain.Minutes;
using Orleans;

namespace Deliberation.Web.Minutes;

/// <summary>The minutes of one meeting. Keyed by the meeting's id.</summary>
public interface IMinutesGrain : IGrainWithStringKey
{
    Task<MinutesView> ActAsync(string councilId, MinutesCommand command, Actor by);

    /// <summary>
    /// The minutes as this viewer may read them: the published versions for everyone; the working text and the draft
    /// as it stands for the council's people. Null when the meeting is not this council's, or nothing is published
    /// and the viewer is outside the council.
    /// </summary>
    Task<MinutesView?> GetAsync(string councilId, Actor? viewer);
}

/// <summary>Every command carries an idempotency key (<c>requestId</c> or the <c>Idempotency-Key</c> header): a resend acts once.</summary>
public abstract record MinutesCommand
{
    public string? RequestId { get; init; }
}

/// <summary>The clerk's account of the discussion, in Markdown.</summary>
public sealed record WriteDiscussion(string? Markdown) : MinutesCommand;

/// <summary>
/// The chair approves; where the body approves its minutes by a vote at its next meeting, <c>BallotId</c> names that
/// ballot (closed, passed, at a later meeting of the same body).
/// </summary>
public sealed record ApproveMinutes(string? BallotId = null) : MinutesCommand;

/// <summary>Publishes the approved minutes; a correction of a published version needs its <c>Reason</c>.</summary>
public sealed record PublishMinutes(string? Reason = null) : MinutesCommand;

/// <summary>
/// The minutes. <c>Versions</c> are the published ones, oldest first, each linked to the one it corrects and the one
/// correcting it. <c>Discussion</c> (the working text) and <c>Draft</c> (drafted from the record now) are shown to the
/// council's people only, and null for everyone else.
/// </summary>
public sealed record MinutesView(string MeetingId, string CouncilId, string Status, string Approval, bool MeetingClosed,
    string? Discussion, MinutesDraft? Draft, IReadOnlyList<MinutesVersion> Versions);
