using Deliberation.Domain.Ballots;
using Deliberation.Domain.Meetings;

namespace Deliberation.Web.Meetings;

/// <summary>The fields any of the meeting page's forms may send; <see cref="Action"/> says which form it was.</summary>
public sealed class MeetingActionForm
{
    public string? Action { get; set; }
    public string? UserId { get; set; }
    public Attendance? Attendance { get; set; }
    public string? ProxyFor { get; set; }
    public string? ItemId { get; set; }
    public string? BallotId { get; set; }
    public VoteChoice? Choice { get; set; }
    public string? ClientVoteId { get; set; }
    public string? VoterId { get; set; }
}
