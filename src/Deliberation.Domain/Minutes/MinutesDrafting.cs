using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Meetings;

namespace Deliberation.Domain.Minutes;

/// <summary>Drafts a meeting's minutes from its events: nothing is typed in that the record already holds.</summary>
public static class MinutesDrafting
{
    /// <param name="speeches">Who spoke, when not the meeting's own list of speakers (<see cref="Meeting.Speeches"/>).</param>
    public static MinutesDraft Draft(MinutesSources sources, IReadOnlyList<MinutesSpeech>? speeches = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var meeting = Meeting.Replay(sources.Meeting.Select(t => t.Event));
        if (meeting.Id.Length == 0) throw MinutesRefusals.NoEvents.Invalid(nameof(sources));
        DateTimeOffset? TimeOf<T>() where T : MeetingEvent => sources.Meeting.LastOrDefault(t => t.Event is T)?.At;
        string Name(string userId) => sources.Names.GetValueOrDefault(userId) ?? userId;

        var attendance = sources.Roll
            .Select(m => meeting.Attendance.TryGetValue(m.UserId, out var a)
                ? new MinutesAttendance(m.UserId, Name(m.UserId), a.Attendance, a.ProxyFor)
                : new MinutesAttendance(m.UserId, Name(m.UserId), null, null))
            .OrderBy(a => a.Name, StringComparer.Ordinal).ToList();

        var takenAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var t in sources.Meeting)
            if (t.Event is ItemTakenUp up) takenAt.TryAdd(up.ItemId, t.At);
        var items = meeting.Agenda.Select(id => Item(id, takenAt.TryGetValue(id, out var at) ? at : null, sources.Items.GetValueOrDefault(id))).ToList();

        var ballots = sources.Ballots.Select(Ballot.Replay).Where(b => b.Id.Length > 0 && b.MeetingId == meeting.Id)
            .Select(b => BallotOf(b, Name)).ToList();

        var resolutions = new List<MinutesResolution>();
        foreach (var id in meeting.Agenda)
            foreach (var t in sources.Items.GetValueOrDefault(id) ?? [])
                switch (t.Event)
                {
                    case ResolutionAdopted a when a.MeetingId == meeting.Id:
                        resolutions.Add(new MinutesResolution(id, a.StepId, true, a.DecisionRuleId, a.Tally, a.Quorum));
                        break;
                    case ResolutionRejected r when r.MeetingId == meeting.Id:
                        resolutions.Add(new MinutesResolution(id, r.StepId, false, r.DecisionRuleId, r.Tally, r.Quorum));
                        break;
                }

        return new MinutesDraft(meeting.Id, meeting.CouncilId, meeting.BodyId, sources.Body.Name, meeting.Title, meeting.StartsAt,
            meeting.Place, meeting.Status, TimeOf<MeetingOpened>(), TimeOf<MeetingClosed>(), attendance,
            Quorum(meeting, sources), items, ballots, resolutions,
            speeches ?? meeting.Speeches.Select(s => new MinutesSpeech(s.MemberId, Name(s.MemberId), s.ItemId, s.StartedAt, s.Duration)).ToList());
    }

    private static MinutesQuorum Quorum(Meeting meeting, MinutesSources sources)
    {
        var roll = sources.Roll;
        var whole = new Count(roll.Count, roll.Sum(m => m.Weight));
        var present = meeting.PresentCount(roll);
        if (meeting.Status == MeetingStatus.Scheduled || roll.Count == 0 || !DecisionRuleCatalog.TryFind(sources.Body.DecisionRuleId, out var rule))
            return new MinutesQuorum(whole, present, null);
        var tally = Tally.Create(whole, present, Count.Zero, Count.Zero, Count.Zero) with
        {
            QuorumPresent = sources.Body.ProxiesCountTowardQuorum ? null : meeting.PresentCount(roll, withRepresented: false),
        };
        return new MinutesQuorum(whole, present, rule.Evaluate(tally).Quorum);
    }

    /// <summary>The item as it stood when taken up (its title and step then), or as it stands, when it was not taken up.</summary>
    private static MinutesItem Item(string itemId, DateTimeOffset? takenUpAt, IReadOnlyList<Timed<AgendaItemEvent>>? events)
    {
        if (events is null || events.Count == 0) return new MinutesItem(itemId, itemId, takenUpAt is not null, takenUpAt, null, null);
        var item = AgendaItem.Replay(events.Where(t => takenUpAt is null || t.At <= takenUpAt).Select(t => t.Event));
        var step = item.CurrentStep;
        return new MinutesItem(itemId, item.Title.Length > 0 ? item.Title : itemId, takenUpAt is not null, takenUpAt, step?.Id, step?.Name);
    }

    private static MinutesBallot BallotOf(Ballot ballot, Func<string, string> name)
    {
        var secret = BallotSecrecy.IsSecret(ballot);
        var result = ballot.Result;
        // Who voted what is part of the record only for a named ballot, and only once it is counted.
        var votes = secret || ballot.Kind != BallotKind.Named || result is null
            ? []
            : ballot.Votes.OrderBy(v => name(v.VoterId), StringComparer.Ordinal)
                .Select(v => new MinutesVote(v.VoterId, name(v.VoterId), v.Choice, v.CastBy, name(v.CastBy), v.Options ?? [])).ToList();
        return new MinutesBallot(ballot.Id, ballot.ItemId, ballot.Kind, secret, ballot.DecisionRuleId, ballot.Status,
            ballot.Options, ballot.MaxChoices, ballot.SelectionRuleId, result?.Tally, result?.Quorum, result?.Passes,
            result?.Options ?? [], result?.Elected ?? [], ballot.HandCount is not null, ballot.HandCount?.CountedBy ?? [], votes);
    }
}
