using Deliberation.Domain.Councils;

namespace Deliberation.Domain.Meetings;

/// <summary>
/// Agenda control: the order of the items not yet taken up, and, before the meeting opens, its time and place or its
/// cancellation. Sending the same order, time and place again, or cancelling twice, changes nothing.
/// </summary>
public sealed partial class Meeting
{
    private readonly HashSet<string> _takenUp = new(StringComparer.Ordinal);

    /// <summary>Why the meeting was cancelled (null unless it was).</summary>
    public string? CancelReason { get; private set; }

    /// <summary>Items taken up so far: they keep their places when the rest is reordered.</summary>
    public IReadOnlySet<string> TakenUp => _takenUp;

    /// <summary>
    /// The agenda in a new order: the same items, with those already taken up where they were. The console moves one
    /// item up or down at a time and sends the whole order, so a resend lands on the same order.
    /// </summary>
    public IReadOnlyList<MeetingEvent> ReorderAgenda(Actor by, IReadOnlyList<string> order)
    {
        Demand(by, MeetingRefusals.ToChangeAgenda, CouncilRole.Chair, CouncilRole.Clerk);
        Expect(MeetingStatus.Scheduled, MeetingStatus.Open);
        if (order.Count != _agenda.Count || order.Distinct().Count() != order.Count || order.Any(id => !_agenda.Contains(id)))
            throw MeetingRefusals.NewOrder.Invalid(nameof(order));
        for (var i = 0; i < order.Count; i++)
            if ((_takenUp.Contains(_agenda[i]) || _takenUp.Contains(order[i])) && order[i] != _agenda[i])
                throw new MeetingRuleViolation(MeetingRefusals.TakenUpKeepsPlace);
        return order.SequenceEqual(_agenda) ? [] : Raise(new AgendaReordered(order.ToList()));
    }

    /// <summary>
    /// The agenda with the item moved one place up (<paramref name="places"/> −1) or down (+1): the order a screen or
    /// form sends (the same order when it cannot move further).
    /// </summary>
    public static IReadOnlyList<string> Moved(IReadOnlyList<string> agenda, string itemId, int places)
    {
        var order = agenda.ToList();
        var from = order.IndexOf(itemId);
        if (from < 0) throw MeetingRefusals.NotOnAgenda.Invalid(nameof(itemId));
        var to = Math.Clamp(from + Math.Sign(places), 0, order.Count - 1);
        (order[from], order[to]) = (order[to], order[from]);
        return order;
    }

    /// <summary>A new time and place before the meeting opens, within the bounds a meeting is scheduled in.</summary>
    public IReadOnlyList<MeetingEvent> Reschedule(Actor by, DateTimeOffset now, DateTimeOffset startsAt, string place, string? reason)
    {
        Demand(by, MeetingRefusals.ToReschedule, CouncilRole.Chair, CouncilRole.Clerk);
        Expect(MeetingStatus.Scheduled);
        var checkedPlace = TextRules.Required(place, TextKind.Name, "place");
        if (startsAt < now - EarliestStart || startsAt > now.AddYears(LatestStartYears))
            throw MeetingRefusals.StartsBetween.With(LatestStartYears).Invalid(nameof(startsAt));
        if (startsAt == StartsAt && checkedPlace == Place) return [];
        return Raise(new MeetingRescheduled(startsAt, checkedPlace, TextRules.Optional(reason, TextKind.Note, "reason") ?? "—"));
    }

    /// <summary>Calls the meeting off before it opens, for a reason everyone sees; it cannot be undone.</summary>
    public IReadOnlyList<MeetingEvent> Cancel(Actor by, string reason)
    {
        Demand(by, MeetingRefusals.ToCancel, CouncilRole.Chair, CouncilRole.Clerk);
        if (Status == MeetingStatus.Cancelled) return [];
        Expect(MeetingStatus.Scheduled);
        return Raise(new MeetingCancelled(TextRules.Required(reason, TextKind.Note, "reason")));
    }

    private void ApplyAgendaControl(MeetingEvent e)
    {
        switch (e)
        {
            case AgendaReordered r:
                _agenda.Clear();
                _agenda.AddRange(r.Agenda);
                break;
            case MeetingRescheduled r: (StartsAt, Place) = (r.StartsAt, r.Place); break;
            case MeetingCancelled c: (Status, CancelReason) = (MeetingStatus.Cancelled, c.Reason); break;
        }
    }
}
