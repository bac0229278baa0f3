using System.Text.Json;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Inbox;

/// <summary>
/// The inbox (我的消息): a notice for each follower of an item at each step it takes, for the department's accounts when
/// an escalation falls overdue, and the read marks. It keeps its own copy of who follows what (and of titles, meetings,
/// escalations and departments) rather than reading other projections' tables: those move on their own checkpoints,
/// and the recipients of a notice must be the ones of the event's moment, the same live, after a restart and rebuilt.
/// Each notice is keyed by (person, the event's log position), so it goes out once, in a cluster too.
/// </summary>
public sealed class NoticesProjection : IProjection
{
    public const string ProjectionName = "notices";

    // What each category's events tell; no stream is of two categories.
    private static readonly CategoryReader[] Readers =
    [
        new ItemNotices(), new EscalationNotices(), new MeetingNotices(), new NoticeFollowers(), new NoticeDepartments(),
        new Comments.CommentNotices(), new NoticeReads(),
    ];

    public string Name => ProjectionName;

    public IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS notices (
            user_id TEXT NOT NULL,
            notice_id BIGINT NOT NULL,
            council_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            link TEXT NOT NULL,
            args TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            is_read BIGINT NOT NULL,
            PRIMARY KEY (user_id, notice_id)
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_notices_unread ON notices (user_id, is_read)",
        "CREATE TABLE IF NOT EXISTS notice_items (item_id TEXT NOT NULL PRIMARY KEY, council_id TEXT NOT NULL, title TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS notice_followers (
            council_id TEXT NOT NULL, item_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (council_id, item_id, user_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS notice_escalations (
            escalation_id TEXT NOT NULL PRIMARY KEY, council_id TEXT NOT NULL, item_id TEXT NOT NULL, department_id TEXT NOT NULL,
            department_name TEXT NOT NULL, reference_no TEXT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS notice_departments (
            council_id TEXT NOT NULL, department_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (council_id, department_id, user_id))
        """,
        "CREATE TABLE IF NOT EXISTS notice_meetings (meeting_id TEXT NOT NULL PRIMARY KEY, council_id TEXT NOT NULL, title TEXT NOT NULL, starts_at TEXT NOT NULL)",
    ];

    public IReadOnlyList<string> Tables { get; } =
        ["notices", "notice_items", "notice_followers", "notice_escalations", "notice_departments", "notice_meetings"];

    public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
    {
        foreach (var logged in events)
            if (Array.Find(Readers, r => r.Holds(logged.Event.StreamId)) is { } reader) await reader.ApplyAsync(logged, context);
    }

    public void Forget() { }

    /// <summary>Addresses a draft to each recipient but the person whose act it tells of.</summary>
    internal static async Task SendAsync(ProjectionContext context, LoggedEvent logged, IEnumerable<string> recipients, NoticeDraft draft)
    {
        var args = JsonSerializer.Serialize(draft.Args, EventJson.Options);
        foreach (var user in recipients.Distinct(StringComparer.Ordinal).Where(u => u != logged.Event.Actor))
            await context.ExecuteAsync(
                "INSERT INTO notices (user_id, notice_id, council_id, kind, subject_id, link, args, occurred_at, is_read) " +
                "VALUES (@user, @id, @council, @kind, @subject, @link, @args, @at, 0) ON CONFLICT (user_id, notice_id) DO NOTHING",
                ("@user", user), ("@id", logged.Position), ("@council", draft.CouncilId), ("@kind", draft.Kind),
                ("@subject", draft.SubjectId), ("@link", draft.Link), ("@args", args), ("@at", ReadModelTime.Format(logged.Event.OccurredAt)));
    }
}
