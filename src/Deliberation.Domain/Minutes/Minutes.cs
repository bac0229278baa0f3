using Deliberation.Domain.Councils;

namespace Deliberation.Domain.Minutes;

/// <summary>
/// The minutes of one meeting: the clerk writes the discussion → approved (by the chair, or by a vote at the next
/// meeting where the body's rule says so) → published as version 1. A published version never changes; a correction
/// is written, approved and published the same way, as a new version linked to the one it corrects.
/// </summary>
public sealed class Minutes
{
    private readonly List<MinutesVersion> _versions = [];

    private Minutes() { }

    public string MeetingId { get; private set; } = "";
    public string CouncilId { get; private set; } = "";
    public string BodyId { get; private set; } = "";
    public MinutesApproval Approval { get; private set; }
    public MinutesStatus Status { get; private set; }
    public string Discussion { get; private set; } = "";
    public IReadOnlyList<MinutesVersion> Versions => _versions;
    public MinutesVersion? Latest => _versions.Count == 0 ? null : _versions[^1];

    public static (Minutes Minutes, IReadOnlyList<MinutesEvent> Events) Start(string meetingId, string councilId, string bodyId, MinutesApproval approval)
    {
        var minutes = new Minutes();
        return (minutes, minutes.Raise(new MinutesStarted(meetingId, councilId, bodyId, approval)));
    }

    public static Minutes Replay(IEnumerable<MinutesEvent> events)
    {
        var minutes = new Minutes();
        foreach (var e in events) minutes.Apply(e);
        return minutes;
    }

    /// <summary>The clerk writes (or rewrites) the discussion; after publication this starts a correction.</summary>
    public IReadOnlyList<MinutesEvent> WriteDiscussion(Actor by, string markdown)
    {
        Demand(by, MinutesRefusals.ToWrite, CouncilRole.Clerk);
        if (Status == MinutesStatus.Approved)
            throw new MinutesRuleViolation(MinutesRefusals.ApprovedAsTheyStand);
        var text = TextRules.Check(markdown, TextKind.Body, "discussion");
        if (text == Discussion && Status == MinutesStatus.Drafting) return [];
        return Raise(new DiscussionWritten(text));
    }

    /// <summary>The chair approves the working text (rule <see cref="MinutesApproval.Chair"/>).</summary>
    public IReadOnlyList<MinutesEvent> ApproveByChair(Actor by, bool meetingClosed)
    {
        Demand(by, MinutesRefusals.ToApprove, CouncilRole.Chair);
        ExpectApprovable(meetingClosed);
        if (Approval != MinutesApproval.Chair)
            throw new MinutesRuleViolation(MinutesRefusals.ApprovedByVote);
        return Raise(new MinutesApproved(MinutesApproval.Chair, null));
    }

    /// <summary>
    /// The body approved the minutes by a ballot at a later meeting (rule <see cref="MinutesApproval.VoteAtNextMeeting"/>).
    /// The caller has checked that the ballot is the body's, at a later meeting, and closed; <paramref name="passed"/> is its count.
    /// </summary>
    public IReadOnlyList<MinutesEvent> ApproveByVote(Actor by, bool meetingClosed, string ballotId, bool passed)
    {
        Demand(by, MinutesRefusals.ToRecordApproval, CouncilRole.Chair, CouncilRole.Clerk);
        ExpectApprovable(meetingClosed);
        if (Approval != MinutesApproval.VoteAtNextMeeting) throw new MinutesRuleViolation(MinutesRefusals.ApprovedByChair);
        if (!passed) throw new MinutesRuleViolation(MinutesRefusals.BallotFailed);
        return Raise(new MinutesApproved(MinutesApproval.VoteAtNextMeeting, TextRules.Required(ballotId, TextKind.Name, "ballot")));
    }

    /// <summary>Publishes the approved text with the draft as it stands: version 1, or a correction with its reason.</summary>
    public IReadOnlyList<MinutesEvent> Publish(Actor by, DateTimeOffset now, MinutesDraft draft, string? reason)
    {
        Demand(by, MinutesRefusals.ToPublish, CouncilRole.Clerk, CouncilRole.Chair);
        if (Status != MinutesStatus.Approved) throw new MinutesRuleViolation(MinutesRefusals.OnlyApprovedPublished);
        ArgumentNullException.ThrowIfNull(draft);
        if (Latest is not { } latest) return Raise(new MinutesPublished(1, draft, Discussion, now, by.UserId));
        var why = TextRules.Required(reason, TextKind.Note, "reason");
        return Raise(new MinutesCorrected(latest.Number + 1, latest.Number, draft, Discussion, why, now, by.UserId));
    }

    public void Apply(MinutesEvent e)
    {
        switch (e)
        {
            case MinutesStarted s: (MeetingId, CouncilId, BodyId, Approval, Status) = (s.MeetingId, s.CouncilId, s.BodyId, s.Approval, MinutesStatus.Drafting); break;
            case DiscussionWritten w: (Discussion, Status) = (w.Markdown, MinutesStatus.Drafting); break;
            case MinutesApproved: Status = MinutesStatus.Approved; break;
            case MinutesPublished p:
                _versions.Add(new MinutesVersion(p.Version, p.Draft, p.Discussion, p.PublishedAt, p.PublishedBy, null, null, null));
                Status = MinutesStatus.Published;
                break;
            case MinutesCorrected c:
                var i = _versions.FindIndex(v => v.Number == c.Corrects);
                if (i >= 0) _versions[i] = _versions[i] with { CorrectedBy = c.Version };
                _versions.Add(new MinutesVersion(c.Version, c.Draft, c.Discussion, c.PublishedAt, c.PublishedBy, c.Corrects, c.Reason, null));
                Status = MinutesStatus.Published;
                break;
        }
    }

    private void ExpectApprovable(bool meetingClosed)
    {
        if (!meetingClosed) throw new MinutesRuleViolation(MinutesRefusals.MeetingNotClosed);
        if (Status == MinutesStatus.Approved) throw new MinutesRuleViolation(MinutesRefusals.ApprovedAlready);
        if (Status == MinutesStatus.Published) throw new MinutesRuleViolation(MinutesRefusals.Published);
    }

    private static void Demand(Actor by, RefusalText attempted, params CouncilRole[] roles)
    {
        if (!roles.Any(r => by.Holds(r))) throw NotPermitted.Requires(attempted, roles);
    }

    private IReadOnlyList<MinutesEvent> Raise(params MinutesEvent[] events)
    {
        foreach (var e in events) Apply(e);
        return events;
    }
}

/// <summary>The minutes are not in a state that allows this (approving twice, publishing unapproved text).</summary>
public sealed class MinutesRuleViolation : InvalidOperationException
{
    public MinutesRuleViolation(Said said) : base(said.Text) => said.Stamp(this);
}
