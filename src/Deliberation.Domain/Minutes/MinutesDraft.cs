using Deliberation.Domain.Ballots;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Meetings;

namespace Deliberation.Domain.Minutes;

/// <summary>
/// What the record of a meeting says, drafted from the meeting's events and its ballots (<see cref="MinutesDrafting"/>):
/// the clerk adds the discussion beside it, and publishing freezes both as a version.
/// </summary>
/// <param name="Speeches">
/// Who spoke, in order. Empty until the live hall records speakers on the meeting's stream; the drafting fills it then
/// (<see cref="MinutesDrafting.Draft"/>'s <c>speeches</c>), and every page already shows it when it is not empty.
/// </param>
public sealed record MinutesDraft(
    string MeetingId, string CouncilId, string BodyId, LocalizedText BodyName, string Title, DateTimeOffset StartsAt, string Place,
    MeetingStatus Status, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt,
    IReadOnlyList<MinutesAttendance> Attendance, MinutesQuorum Quorum, IReadOnlyList<MinutesItem> Items,
    IReadOnlyList<MinutesBallot> Ballots, IReadOnlyList<MinutesResolution> Resolutions, IReadOnlyList<MinutesSpeech> Speeches);

/// <summary>One member of the body's roll; <c>Attendance</c> null when the roll call did not record them.</summary>
public sealed record MinutesAttendance(string UserId, string Name, Attendance? Attendance, string? ProxyFor);

/// <summary>The roll and who counted as present at the close (or now, for a meeting still open); <c>Held</c> null before it opened.</summary>
public sealed record MinutesQuorum(Count Roll, Count Present, bool? Held);

/// <summary>An agenda item: whether the meeting took it up, when, and at which step of its process it then stood.</summary>
public sealed record MinutesItem(string ItemId, string Title, bool TakenUp, DateTimeOffset? TakenUpAt, string? StepId, LocalizedText? StepName);

/// <summary>
/// A ballot with its count. <c>Votes</c> name who voted what on a named ballot; a secret ballot (<see cref="Secret"/>)
/// and a paper ballot keep counts only.
/// </summary>
public sealed record MinutesBallot(
    string BallotId, string ItemId, BallotKind Kind, bool Secret, string DecisionRuleId, BallotStatus Status,
    IReadOnlyList<string> Options, int MaxChoices, string? SelectionRuleId,
    Tally? Tally, bool? Quorum, bool? Passes, IReadOnlyList<OptionCount> OptionCounts, IReadOnlyList<string> Elected,
    bool HandCounted, IReadOnlyList<string> CountedBy, IReadOnlyList<MinutesVote> Votes);

public sealed record MinutesVote(string VoterId, string VoterName, VoteChoice Choice, string CastBy, string CastByName, IReadOnlyList<string> Options);

/// <summary>A resolution an item recorded at this meeting (its step's vote, adopted or rejected).</summary>
public sealed record MinutesResolution(string ItemId, string StepId, bool Adopted, string DecisionRuleId, Tally Tally, bool Quorum);

/// <summary>One turn to speak, from the meeting's list of speakers: who, on which item, from when and for how long.</summary>
public sealed record MinutesSpeech(string SpeakerId, string SpeakerName, string? ItemId, DateTimeOffset At, TimeSpan? Duration = null);
