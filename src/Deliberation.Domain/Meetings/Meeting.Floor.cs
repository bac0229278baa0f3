using Deliberation.Domain.Councils;

namespace Deliberation.Domain.Meetings;

/// <summary>
/// The floor (发言): a list of speakers per agenda item. Members ask for the floor (or the chair adds them), the chair
/// gives it in turn for the council's time per speaker, and may close the list. Every command is safe to send twice:
/// asking again while on the list, giving the floor to whoever has it, or ending a speech already ended changes nothing.
/// </summary>
public sealed partial class Meeting
{
    private readonly Dictionary<string, List<string>> _waiting = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closedLists = new(StringComparer.Ordinal);
    private readonly List<Speech> _speeches = [];

    /// <summary>Who spoke (or speaks now), on which item, in order, from when to when: what the minutes read.</summary>
    public IReadOnlyList<Speech> Speeches => _speeches;

    /// <summary>The speech running now, if any (one at a time in the meeting).</summary>
    public Speech? CurrentSpeech => _speeches.Count > 0 && _speeches[^1].EndedAt is null ? _speeches[^1] : null;

    /// <summary>The item's list of speakers as it stands.</summary>
    public SpeakersList SpeakersOn(string itemId) => new(itemId,
        _waiting.TryGetValue(itemId, out var waiting) ? [.. waiting] : [],
        CurrentSpeech is { } now && now.ItemId == itemId ? now : null,
        _closedLists.Contains(itemId),
        _speeches.Where(s => s.ItemId == itemId && s.EndedAt is not null).ToList());

    /// <summary>
    /// Puts <paramref name="memberId"/> on the current item's list: a member of the roll for themself, or the chair or
    /// clerk for any member of the roll. Nobody joins a closed list.
    /// </summary>
    public IReadOnlyList<MeetingEvent> RequestFloor(Actor by, string memberId, IReadOnlyList<RoleHolder> roll)
    {
        var itemId = UnderDiscussion();
        if (memberId != by.UserId) Demand(by, MeetingRefusals.ToAddSpeaker, CouncilRole.Chair, CouncilRole.Clerk);
        if (roll.All(m => m.UserId != memberId))
            throw memberId == by.UserId ? new NotPermitted(MeetingRefusals.FloorMembersOnly)
                : MeetingRefusals.NotOnRoll.Invalid(nameof(memberId));
        if (Waiting(itemId).Contains(memberId) || CurrentSpeech?.MemberId == memberId) return [];
        if (_closedLists.Contains(itemId)) throw new MeetingRuleViolation(MeetingRefusals.ListClosed);
        return Raise(new FloorRequested(itemId, memberId));
    }

    /// <summary>A member takes their request back (the chair or clerk may take anyone's off the list).</summary>
    public IReadOnlyList<MeetingEvent> WithdrawFloorRequest(Actor by, string memberId)
    {
        var itemId = UnderDiscussion();
        if (memberId != by.UserId) Demand(by, MeetingRefusals.ToRemoveSpeaker, CouncilRole.Chair, CouncilRole.Clerk);
        return Waiting(itemId).Contains(memberId) ? Raise(new FloorRequestWithdrawn(itemId, memberId)) : [];
    }

    /// <summary>
    /// Gives <paramref name="memberId"/> the floor now for <paramref name="timeLimit"/>: someone on the list, or, while
    /// the list is open, any member of the roll. A speech still running ends first.
    /// </summary>
    public IReadOnlyList<MeetingEvent> GiveFloor(Actor by, string memberId, DateTimeOffset now, TimeSpan timeLimit, IReadOnlyList<RoleHolder> roll)
    {
        Demand(by, MeetingRefusals.ToGiveFloor, CouncilRole.Chair, CouncilRole.Clerk);
        var itemId = UnderDiscussion();
        if (timeLimit <= TimeSpan.Zero) throw MeetingRefusals.SpeakingTime.Invalid(nameof(timeLimit));
        if (CurrentSpeech?.MemberId == memberId) return [];
        var listed = Waiting(itemId).Contains(memberId);
        if (!listed && roll.All(m => m.UserId != memberId)) throw MeetingRefusals.NotOnRoll.Invalid(nameof(memberId));
        if (!listed && _closedLists.Contains(itemId)) throw new MeetingRuleViolation(MeetingRefusals.ListClosedGiveFloor);
        return Raise([.. EndRunningSpeech(now), new FloorGiven(itemId, memberId, now, timeLimit)]);
    }

    /// <summary>Ends <paramref name="memberId"/>'s speech; naming the speaker keeps a resend from ending the next one.</summary>
    public IReadOnlyList<MeetingEvent> EndSpeech(Actor by, string memberId, DateTimeOffset now)
    {
        Demand(by, MeetingRefusals.ToEndSpeech, CouncilRole.Chair, CouncilRole.Clerk);
        Expect(MeetingStatus.Open);
        return CurrentSpeech?.MemberId == memberId ? Raise([.. EndRunningSpeech(now)]) : [];
    }

    public IReadOnlyList<MeetingEvent> CloseSpeakersList(Actor by)
    {
        Demand(by, MeetingRefusals.ToCloseList, CouncilRole.Chair, CouncilRole.Clerk);
        var itemId = UnderDiscussion();
        return _closedLists.Contains(itemId) ? [] : Raise(new SpeakersListClosed(itemId));
    }

    private string UnderDiscussion()
    {
        Expect(MeetingStatus.Open);
        return CurrentItemId ?? throw new MeetingRuleViolation(MeetingRefusals.TakeUpForFloor);
    }

    private List<string> Waiting(string itemId) => _waiting.TryGetValue(itemId, out var list) ? list : [];

    private MeetingEvent[] EndRunningSpeech(DateTimeOffset? now)
    {
        if (CurrentSpeech is not { } speech) return [];
        if (now is not { } at) throw new MeetingRuleViolation(MeetingRefusals.SomeoneHasFloor);
        var ended = at < speech.StartedAt ? speech.StartedAt : at;
        return [new SpeechEnded(speech.ItemId, speech.MemberId, speech.StartedAt, ended, ended - speech.StartedAt)];
    }

    private void ApplyFloor(MeetingEvent e)
    {
        switch (e)
        {
            case FloorRequested r:
                if (!_waiting.TryGetValue(r.ItemId, out var list)) _waiting[r.ItemId] = list = [];
                list.Add(r.MemberId);
                break;
            case FloorRequestWithdrawn w: Waiting(w.ItemId).Remove(w.MemberId); break;
            case FloorGiven g:
                Waiting(g.ItemId).Remove(g.MemberId);
                _speeches.Add(new Speech(g.ItemId, g.MemberId, g.StartedAt, g.TimeLimit, null));
                break;
            case SpeechEnded s:
                var at = _speeches.FindLastIndex(x => x.ItemId == s.ItemId && x.MemberId == s.MemberId && x.EndedAt is null);
                if (at >= 0) _speeches[at] = _speeches[at] with { EndedAt = s.EndedAt };
                break;
            case SpeakersListClosed c: _closedLists.Add(c.ItemId); break;
        }
    }
}

/// <summary>One speech: who, on which item, from when, for how long they were given, and until when (null: speaking now).</summary>
public sealed record Speech(string ItemId, string MemberId, DateTimeOffset StartedAt, TimeSpan TimeLimit, DateTimeOffset? EndedAt)
{
    public TimeSpan? Duration => EndedAt - StartedAt;
}

/// <summary>An item's list of speakers: who waits in order, who speaks now, whether it is closed, who has spoken.</summary>
public sealed record SpeakersList(string ItemId, IReadOnlyList<string> Waiting, Speech? Speaking, bool Closed, IReadOnlyList<Speech> Spoken);
