using Deliberation.Domain;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Inbox;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Inbox;

/// <summary>
/// A person's read marks, as events in their own stream: the notices projection applies them to its rows, so the
/// unread count is one indexed count and a rebuild from zero restores what was read.
/// </summary>
public sealed class InboxGrain(TimeProvider clock) : AggregateGrain<InboxMarks, InboxEvent>(Category), IInboxGrain
{
    public const string Category = "inbox";

    protected override InboxMarks Fold(InboxMarks? marks, InboxEvent e)
    {
        marks ??= InboxMarks.Empty();
        marks.Apply(e);
        return marks;
    }

    protected override string ScopeOf(InboxMarks marks) => "";

    protected override object SummaryOf(InboxMarks marks, DateTimeOffset at) => new { marks.ReadThrough };

    public Task ReadAsync(long noticeId, string? requestId, Actor by) => ChangeAsync(by, requestId, marks => marks.Read(noticeId));

    public Task ReadAllAsync(long throughNoticeId, string? requestId, Actor by) =>
        ChangeAsync(by, requestId, marks => marks.ReadAllThrough(throughNoticeId));

    private async Task ChangeAsync(Actor by, string? requestId, Func<InboxMarks, IReadOnlyList<InboxEvent>> decide)
    {
        if (by.UserId != Key) throw new NotPermitted("Only the person themself may mark their notices read.");
        if (Answered(by.UserId, requestId)) return;
        var marks = Current ?? InboxMarks.Empty();
        var events = decide(marks);
        if (events.Count == 0) return;
        if (Current is null) await CommitNewAsync(marks, events, by.UserId, clock.GetUtcNow(), requestId);
        else await CommitAsync(events, by.UserId, clock.GetUtcNow(), requestId);
    }
}
