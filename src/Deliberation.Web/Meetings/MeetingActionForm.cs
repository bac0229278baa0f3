using Deliberation.Domain.Ballots;
using Deliberation.Domain.Meetings;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;

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

    // Agenda control: the agenda in its new order; a new time (the council's local time) and place; a reason.
    public string[]? Agenda { get; set; }
    public string? StartsAt { get; set; }
    public string? Place { get; set; }
    public string? Reason { get; set; }

    // A ballot between options: the options marked when voting.
    public string[]? Options { get; set; }

    // Opening a ballot: its kind, and for a ballot between options, one option a line, how many to mark, the rule for the winners.
    public BallotKind? Kind { get; set; }
    public string? OptionLines { get; set; }
    public int? MaxChoices { get; set; }
    public string? SelectionRuleId { get; set; }

    // A paper ballot's hand count: members for, against, abstaining (blank), each option's marks, the tellers one a line.
    public int? ForMembers { get; set; }
    public int? AgainstMembers { get; set; }
    public int? AbstainMembers { get; set; }
    public int[]? OptionMembers { get; set; }
    public string? CountedBy { get; set; }

    public OpenBallot ToOpenBallot()
    {
        var options = Lines(OptionLines);
        return new OpenBallot(null, Kind, options, options.Count > 0 ? MaxChoices : null, options.Count > 0 ? SelectionRuleId : null);
    }

    /// <summary>Members only: a weighted body's paper ballots are counted over the API, weights and all.</summary>
    public HandCount ToHandCount(IReadOnlyList<string> ballotOptions) => new(
        new CountBody(ForMembers ?? 0, null), new CountBody(AgainstMembers ?? 0, null), new CountBody(AbstainMembers ?? 0, null),
        ballotOptions.Select((o, i) => new OptionCountBody(o, OptionMembers?.ElementAtOrDefault(i) ?? 0, null)).ToList(), Lines(CountedBy));

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
