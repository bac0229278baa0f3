using System.Text.Json;
using Deliberation.Domain.Meetings;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Meetings;

/// <summary>
/// The council's meetings, one row each with what lists, the archive and the calendar show. The calendar's
/// <c>sequence</c> counts the changes to what a calendar shows (time, place, title), with <c>changed_at</c> the time of
/// the last; each event is applied on its own, so a rebuild counts the same changes as the live run did.
/// </summary>
public sealed class MeetingListProjection : IProjection
{
    public const string ProjectionName = "meeting-list";
    private const string Prefix = MeetingGrain.Category + "-";

    private readonly StreamStates<Meeting> _meetings = new((meeting, e) =>
    {
        meeting ??= Meeting.Replay([]);
        meeting.Apply(EventCodec<MeetingEvent>.Instance.Decode(e));
        return meeting;
    });

    public string Name => ProjectionName;

    public IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS meeting_list (
            meeting_id TEXT NOT NULL PRIMARY KEY,
            council_id TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            status TEXT NOT NULL,
            calendar TEXT NOT NULL,
            sequence BIGINT NOT NULL,
            changed_at TEXT NOT NULL,
            summary TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_meeting_list_council ON meeting_list (council_id, starts_at)",
    ];

    public IReadOnlyList<string> Tables { get; } = ["meeting_list"];

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var (_, e) in events)
        {
            if (!e.StreamId.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            var meeting = await _meetings.AdvanceAsync(e, context);
            if (meeting.Id.Length == 0) continue;
            var entry = MeetingListEntry.Of(meeting);
            var calendar = $"{ReadModelTime.Format(meeting.StartsAt)}\n{meeting.Place}\n{meeting.Title}";
            await context.ExecuteAsync(
                "INSERT INTO meeting_list (meeting_id, council_id, starts_at, status, calendar, sequence, changed_at, summary) " +
                "VALUES (@id, @council, @starts, @status, @calendar, 0, @at, @summary) " +
                "ON CONFLICT (meeting_id) DO UPDATE SET starts_at = excluded.starts_at, status = excluded.status, summary = excluded.summary, " +
                "sequence = CASE WHEN meeting_list.calendar = excluded.calendar THEN meeting_list.sequence ELSE meeting_list.sequence + 1 END, " +
                "changed_at = CASE WHEN meeting_list.calendar = excluded.calendar THEN meeting_list.changed_at ELSE excluded.changed_at END, " +
                "calendar = excluded.calendar",
                ("@id", meeting.Id), ("@council", meeting.CouncilId), ("@starts", ReadModelTime.Format(meeting.StartsAt)),
                ("@status", meeting.Status.ToString()), ("@calendar", calendar), ("@at", ReadModelTime.Format(e.OccurredAt)),
                ("@summary", JsonSerializer.Serialize(entry, EventJson.Options)));
        }
    }

    public void Forget() => _meetings.Clear();
}
