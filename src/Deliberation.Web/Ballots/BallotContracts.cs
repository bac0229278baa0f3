using Deliberation.Web.Grains;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Orleans;
using Orleans.Concurrency;

namespace Deliberation.Web.Ballots;

/// <summary>One ballot on one item in one meeting. Keyed by ballot id.</summary>
public interface IBallotGrain : IGrainWithStringKey
{
    /// <summary>Called by the meeting that holds the ballot, with its roll as it stands.</summary>
    Task<BallotView> OpenAsync(BallotSetup setup, Actor by);

    /// <summary>
    /// Interleaved: each vote is checked and counted in one piece on the activation, then, while it becomes durable,
    /// the next vote comes in, so the votes arriving during one write share the next. The receipt comes only once
    /// the vote is durable. (Every other call waits its turn.)
    /// </summary>
    [AlwaysInterleave]
    Task<VoteReceipt> CastAsync(string councilId, CastVote vote, Actor by);

    Task<BallotView> CloseAsync(string councilId, Actor by);

    /// <summary>The ballot for this viewer; null when it does not exist in that council.</summary>
    Task<BallotView?> GetAsync(string councilId, Actor? viewer);

    /// <summary>Whether it is open or closed; null when it does not exist in that council.</summary>
    Task<BallotStatus?> GetStatusAsync(string councilId);
}

/// <summary>What the meeting hands a new ballot: the item, the body and its rule, the whole roll's count, and who votes.</summary>
public sealed record BallotSetup(string CouncilId, string MeetingId, string ItemId, string BodyId, string DecisionRuleId,
    Count Electorate, IReadOnlyList<BallotVoter> Voters);

/// <summary>Without an item, the ballot is on the meeting's current item.</summary>
public sealed record OpenBallot(string? ItemId);

/// <summary>A vote; <c>VoterId</c> only when casting for the absent member one stands for as proxy.</summary>
public sealed record CastVote(VoteChoice? Choice, string? ClientVoteId, string? VoterId);

/// <summary>Sent once the vote is durable. <c>Recorded</c> is false for a resend of a vote already counted.</summary>
public sealed record VoteReceipt(string BallotId, string VoterId, VoteChoice Choice, string ClientVoteId, bool Recorded, int VotesCast);

public sealed record BallotView(
    string Id, string CouncilId, string MeetingId, string ItemId, string BodyId, string DecisionRuleId, string Kind, string Status,
    int EligibleVoters, int VotesCast, IReadOnlyList<string> YouMayCastFor, BallotResultView? Result,
    IReadOnlyList<NamedVoteView> Votes, bool? RecordedOnItem);

public sealed record BallotResultView(int ForMembers, decimal ForWeight, int AgainstMembers, decimal AgainstWeight,
    int AbstainMembers, decimal AbstainWeight, int PresentMembers, decimal PresentWeight, int ElectorateMembers,
    decimal ElectorateWeight, bool Quorum, bool Passes);

/// <summary>Who voted what: shown only once the ballot is closed, and only for named ballots.</summary>
public sealed record NamedVoteView(string VoterId, string Choice, string CastBy);
