using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Escalations;
using Deliberation.Domain.Requests;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Escalations;
using Deliberation.Web.Grains;
using Deliberation.Web.Requests;

namespace Deliberation.Web.Figures;

/// <summary>One countable fact: a matter was received, accepted, answered in time, done, rated (value: the score, or hours).</summary>
public sealed record Fact(string Name, long Value = 0);

/// <summary>
/// What one matter (a topic, an escalation, a small request) has told the figures so far, folded one event at a time;
/// <see cref="Facts"/> holds what its latest event adds. Each fact counts in the month its event happened, except that
/// a send-back (退回重办) marks the round it reopens, counted where that round was done.
/// </summary>
public sealed class MatterFacts
{
    public const string Topic = "topic", Request = "request", Escalation = "escalation";
    private const string TopicPrefix = AgendaItemGrain.Category + "-", EscalationPrefix = EscalationGrain.Category + "-",
        RequestPrefix = SmallRequestGrain.Category + "-";

    public string Kind { get; private set; } = "";
    public string CouncilId { get; private set; } = "";
    /// <summary>Null for an escalation until its item's category is looked up (the projection does it).</summary>
    public string? Category { get; set; }
    public string DepartmentId { get; private set; } = "";
    public string? ItemId { get; private set; }
    /// <summary>When the matter was submitted (an escalation: its item's submission, once looked up).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    public bool IsPublic { get; private set; }
    public bool BecamePublic { get; private set; }
    public List<Fact> Facts { get; } = [];
    /// <summary>The round a send-back just reopened: the sequence of its done event (its fact's key).</summary>
    public long? ReopenedDoneSequence { get; private set; }

    private DateTimeOffset _respondBy, _dueBy;
    // The zone the matter's due dates end in: the council's when it was raised (null before zones were recorded: China's).
    private string? _dueZone;
    private bool _responseCounted, _roundCounted, _decisionCounted, _resultCounted, _dispatchCounted;
    private long _lastDoneSequence;

    public static bool Follows(string streamId) => streamId.StartsWith(TopicPrefix, StringComparison.Ordinal)
        || streamId.StartsWith(EscalationPrefix, StringComparison.Ordinal) || streamId.StartsWith(RequestPrefix, StringComparison.Ordinal);

    public static MatterFacts Fold(MatterFacts? matter, EventEnvelope e)
    {
        matter ??= new MatterFacts();
        matter.Facts.Clear();
        (matter.ReopenedDoneSequence, matter.BecamePublic) = (null, false);
        if (e.StreamId.StartsWith(TopicPrefix, StringComparison.Ordinal)) matter.Topical(EventCodec<AgendaItemEvent>.Instance.Decode(e), e);
        else if (e.StreamId.StartsWith(EscalationPrefix, StringComparison.Ordinal)) matter.Escalated(EventCodec<EscalationEvent>.Instance.Decode(e), e);
        else matter.Requested(EventCodec<SmallRequestEvent>.Instance.Decode(e), e);
        return matter;
    }

    private long HoursSinceSubmitted(DateTimeOffset at) => SubmittedAt is { } s ? (long)Math.Round((at - s).TotalHours) : 0;

    private void Topical(AgendaItemEvent x, EventEnvelope e)
    {
        switch (x)
        {
            case ItemSubmitted s:
                (Kind, CouncilId, Category, SubmittedAt) = (Topic, s.CouncilId, s.Category, e.OccurredAt);
                Facts.Add(new("received"));
                break;
            case ItemAccepted: Facts.Add(new("accepted")); break;
            case ItemDeclined: Facts.Add(new("declined")); break;
            case ItemMerged: Facts.Add(new("merged")); break;
            case ItemRouted: Facts.Add(new("escalated")); break;
            case ResolutionAdopted: Facts.Add(new("adopted")); break;
            case ResolutionRejected:
                Facts.Add(new("rejected"));
                Decided(e);
                break;
            case ResolutionDisclosed: Decided(e); Public(); break;
            case ResultDisclosed:
                if (!_resultCounted) Facts.Add(new("result_hours", HoursSinceSubmitted(e.OccurredAt)));
                _resultCounted = true;
                Public();
                break;
            case ResultRated r: Facts.Add(new("rating", r.Score)); break;
            case ItemClosed { Outcome: ItemOutcome.Rejected }: Public(); break;
        }
    }

    private void Decided(EventEnvelope e)
    {
        if (!_decisionCounted) Facts.Add(new("decision_hours", HoursSinceSubmitted(e.OccurredAt)));
        _decisionCounted = true;
    }

    private void Public()
    {
        BecamePublic = !IsPublic;
        IsPublic = true;
    }

    private void Escalated(EscalationEvent x, EventEnvelope e)
    {
        switch (x)
        {
            case Domain.Escalations.Escalated s:
                (Kind, CouncilId, DepartmentId, ItemId, _respondBy, _dueBy) =
                    (Escalation, s.CouncilId, s.DepartmentId, s.ItemId, s.RespondBy, CouncilTime.EndOf(s.DueOn, s.TimeZoneId));
                _dueZone = s.TimeZoneId;
                Facts.Add(new("sent"));
                break;
            case EscalationReceived or EscalationReturned or EscalationDone when !_responseCounted:
                Facts.Add(new(e.OccurredAt <= _respondBy ? "response_on_time" : "response_late"));
                _responseCounted = true;
                if (x is EscalationDone) Done(e);
                if (x is EscalationReturned) Facts.Add(new("returned"));
                break;
            case EscalationResponseOverdue when !_responseCounted:
                Facts.Add(new("response_late"));
                _responseCounted = true;
                break;
            case EscalationDone: Done(e); break;
            case EscalationReturned: Facts.Add(new("returned")); break;
            case EscalationOverdue when !_roundCounted:
                Facts.Add(new("due_missed"));
                _roundCounted = true;
                break;
            case FeedbackRated r: Facts.Add(new("rating", r.Score)); break;
            case EscalationReopened r:
                Facts.Add(new("reopened"));
                ReopenedDoneSequence = _lastDoneSequence;
                (_roundCounted, _dueBy) = (false, CouncilTime.EndOf(r.DueOn, _dueZone));
                break;
        }
    }

    private void Done(EventEnvelope e)
    {
        Facts.Add(new("done"));
        _lastDoneSequence = e.Sequence;
        if (!_roundCounted) Facts.Add(new(e.OccurredAt <= _dueBy ? "done_on_time" : "due_missed"));
        _roundCounted = true;
        if (!_resultCounted) Facts.Add(new("result_hours", HoursSinceSubmitted(e.OccurredAt)));
        _resultCounted = true;
    }

    private void Requested(SmallRequestEvent x, EventEnvelope e)
    {
        switch (x)
        {
            case SmallRequestPosted p:
                (Kind, CouncilId, Category, SubmittedAt, _dueBy) = (Request, p.CouncilId, p.Category, e.OccurredAt, CouncilTime.EndOf(p.NeededBy, p.TimeZoneId));
                Facts.Add(new("received"));
                break;
            case SmallRequestDispatched d:
                DepartmentId = d.GroupId ?? "";
                if (!_dispatchCounted) Facts.Add(new("dispatched"));
                _dispatchCounted = true;
                break;
            case SmallRequestTaken:
                Facts.Add(new("taken"));
                if (!_responseCounted) Facts.Add(new(e.OccurredAt <= _dueBy ? "response_on_time" : "response_late"));
                _responseCounted = true;
                break;
            case SmallRequestDone: Done(e); break;
            case SmallRequestOverdue when !_roundCounted:
                Facts.Add(new("due_missed"));
                _roundCounted = true;
                break;
            case SmallRequestConfirmed c: Facts.Add(new("rating", c.Score)); break;
        }
    }
}
