using Deliberation.Web.Grains;
using Deliberation.Web.AgendaItems;
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

    /// <summary>Closes a paper ballot with the tellers' count, recorded as a hand count with who counted.</summary>
    Task<BallotView> CloseByHandAsync(string councilId, HandCount count, Actor by);

    /// <summary>The ballot for this viewer; null when it does not exist in that council.</summary>
    Task<BallotView?> GetAsync(string councilId, Actor? viewer);

    /// <summary>Whether it exists in that council and is open (a bool: a bare enum would cross silos as its number).</summary>
    Task<bool> IsOpenAsync(string councilId);

    /// <summary>A closed secret ballot's published list, signed; null for any other ballot or a viewer who may not see it.</summary>
    Task<PublishedListView?> GetPublishedAsync(string councilId, Actor? viewer);

    /// <summary>A closed secret ballot whose key and seals are still kept (a closing cut short) destroys them.</summary>
    Task TidySecretsAsync();
}

/// <summary>
/// What the meeting hands a new ballot: the item, the body and its rule, the whole roll's count, and who votes, all as
/// they stand at opening (the ballot keeps them, so a change to the roll or the body later changes nothing in its count);
/// and what is put to the vote, with the body's practice.
/// </summary>
public sealed record BallotSetup(string CouncilId, string MeetingId, string ItemId, string BodyId, string DecisionRuleId,
    Count Electorate, IReadOnlyList<BallotVoter> Voters, BallotTerms? Terms = null);

/// <summary>
/// Without an item, the ballot is on the meeting's current item. Without options it is a motion (for, against,
/// abstain); with options each voter marks up to <c>MaxChoices</c> (default 1) of them and <c>SelectionRuleId</c>
/// (default "plurality") finds the winners. <c>Kind</c> "Paper" is a ballot on paper, closed with the tellers' hand count.
/// </summary>
public sealed record OpenBallot(string? ItemId, BallotKind? Kind = null, IReadOnlyList<string>? Options = null, int? MaxChoices = null,
    string? SelectionRuleId = null);

/// <summary>
/// A vote; <c>VoterId</c> only when casting for the absent member one stands for as proxy. On a ballot between options,
/// <c>Options</c> are the options marked (none: a blank vote) and <c>Choice</c> may be left out.
/// </summary>
public sealed record CastVote(VoteChoice? Choice, string? ClientVoteId, string? VoterId, IReadOnlyList<string>? Options = null);

/// <summary>
/// Sent once the vote is durable. <c>Recorded</c> is false for a resend of a vote already counted; <c>Choice</c> and
/// <c>Options</c> are then the vote that counts. <c>Changed</c> is true when this vote replaced an earlier one.
/// <c>Receipt</c>, on a secret ballot only, is the line the voter finds with their choice in the list published at
/// closing: shown to them once, kept nowhere with their name after closing.
/// </summary>
public sealed record VoteReceipt(string BallotId, string VoterId, VoteChoice Choice, string ClientVoteId, bool Recorded, int VotesCast,
    IReadOnlyList<string>? Options = null, bool Changed = false, string? Receipt = null);

/// <summary>
/// The tellers' count of a paper ballot. On a ballot between options, <c>For</c> is the ballots that marked anything,
/// <c>Abstain</c> the blank ones, <c>Options</c> each option's marks; a weight left out is the number of members.
/// </summary>
public sealed record HandCount(CountBody For, CountBody? Against, CountBody Abstain, IReadOnlyList<OptionCountBody>? Options,
    IReadOnlyList<string> CountedBy);

public sealed record OptionCountBody(string Option, int Members, decimal? Weight);

/// <summary>
/// Fields after <c>RecordedOnItem</c> came with multi-option ballots and stay at their defaults on a motion:
/// <c>Options</c> (empty on a motion), <c>MaxChoices</c>, <c>SelectionRuleId</c>; the body's practice as the ballot
/// recorded it (<c>VotesMayChange</c>, <c>ProxiesCountTowardQuorum</c>); <c>YouMayChangeFor</c>, the voters whose cast
/// vote this viewer may still change; and <c>YourVotes</c>, the votes this viewer cast that count now (while open).
/// </summary>
public sealed record BallotView(
    string Id, string CouncilId, string MeetingId, string ItemId, string BodyId, string DecisionRuleId, string Kind, string Status,
    int EligibleVoters, int VotesCast, IReadOnlyList<string> YouMayCastFor, BallotResultView? Result,
    IReadOnlyList<NamedVoteView> Votes, bool? RecordedOnItem,
    IReadOnlyList<string>? Options = null, int MaxChoices = 1, string? SelectionRuleId = null, bool VotesMayChange = false,
    bool ProxiesCountTowardQuorum = true, IReadOnlyList<string>? YouMayChangeFor = null, IReadOnlyList<NamedVoteView>? YourVotes = null)
{
    /// <summary>
    /// How many named votes a closed named ballot has. A push (<c>BallotChanged</c>) leaves <c>Votes</c> out (empty) and
    /// keeps this count: every screen gets the result, and one that shows who voted what asks for the ballot
    /// (<c>GetBallot</c>, or its grain) when <c>NamedVotes</c> is more than <c>Votes.Count</c>.
    /// </summary>
    public int NamedVotes { get; init; }
}

/// <summary>
/// The count. Fields after <c>Passes</c>: <c>QuorumPresent*</c>, those counted toward the quorum when proxies are not
/// (null otherwise); on a ballot between options, <c>Options</c> with each option's support and whether it won, and
/// <c>Passes</c> means the quorum held and someone won (For is then the ballots that marked anything, Abstain the blank
/// ones); <c>HandCount</c> when paper ballots were counted by hand, with who counted.
/// </summary>
public sealed record BallotResultView(int ForMembers, decimal ForWeight, int AgainstMembers, decimal AgainstWeight,
    int AbstainMembers, decimal AbstainWeight, int PresentMembers, decimal PresentWeight, int ElectorateMembers,
    decimal ElectorateWeight, bool Quorum, bool Passes,
    int? QuorumPresentMembers = null, decimal? QuorumPresentWeight = null, IReadOnlyList<OptionResultView>? Options = null,
    HandCountView? HandCount = null);

public sealed record OptionResultView(string Option, int Members, decimal Weight, bool Elected);

public sealed record HandCountView(IReadOnlyList<string> CountedBy);

/// <summary>
/// Who voted what: shown only once the ballot is closed, and only for named ballots. <c>Options</c> on a ballot between
/// options. In <c>YourVotes</c> of a secret ballot, while it is open and only to the one who cast it, <c>Receipt</c>.
/// </summary>
public sealed record NamedVoteView(string VoterId, string Choice, string CastBy, IReadOnlyList<string>? Options = null, string? Receipt = null);

/// <summary>
/// A secret ballot's published list: <c>List</c> is the exact text the council signed (UTF-8), <c>Signature</c> its
/// ECDSA P-256 SHA-256 signature (base64 of DER), <c>PublicKey</c> the council's key (PEM); <c>Entries</c> the same
/// lines as data. docs/secret-ballots.md says how to check it with openssl.
/// </summary>
public sealed record PublishedListView(string BallotId, string CouncilId, string Algorithm, string PublicKey, string Signature, string List,
    decimal Weight, IReadOnlyList<PublishedEntryView> Entries);

/// <summary>One published line: a receipt and its choice (on a ballot between options, the options marked).</summary>
public sealed record PublishedEntryView(string Receipt, string Choice, IReadOnlyList<string>? Options);
