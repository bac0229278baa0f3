using Deliberation.Web.Errors;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Inbox;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Inbox;

/// <summary>
/// A person's read marks, as events in their own stream: the notices projection applies them to its rows, so the
/// unread count is one indexed count and a rebuild from zero restores what was read.
/// </summary>
public sealed class InboxGrain(TimeProvider clock)
    : PersonalGrain<InboxMarks, InboxEvent>(Category, InboxMarks.Empty, (marks, e) => marks.Apply(e), clock), IInboxGrain
{
    public const string Category = "inbox";

    protected override object SummaryOf(InboxMarks marks, DateTimeOffset at) => new { marks.ReadThrough };

    public Task ReadAsync(long noticeId, string? requestId, Actor by) => MarkAsync(by, requestId, marks => marks.Read(noticeId));

    public Task ReadAllAsync(long throughNoticeId, string? requestId, Actor by) =>
        MarkAsync(by, requestId, marks => marks.ReadAllThrough(throughNoticeId));

    private async Task MarkAsync(Actor by, string? requestId, Func<InboxMarks, IReadOnlyList<InboxEvent>> decide)
    {
        RequireOwner(by, WebRefusals.MarkOwnNotices);
        if (Answered(by.UserId, requestId)) return;
        await ChangeAsync(by, decide, requestId);
    }
}
