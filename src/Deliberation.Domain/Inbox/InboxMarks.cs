namespace Deliberation.Domain.Inbox;

/// <summary>
/// What one person has read: every notice through a mark, and single ones read beyond it. Reading what is already
/// read records nothing, so a resent form or a double tap adds no event.
/// </summary>
public sealed class InboxMarks
{
    /// <summary>Single reads kept beyond the mark; past it the next "mark all" folds them in.</summary>
    public const int SingleLimit = 2_000;

    private readonly HashSet<long> _single = [];

    private InboxMarks() { }

    public long ReadThrough { get; private set; }

    public static InboxMarks Empty() => new();

    public bool IsRead(long noticeId) => noticeId <= ReadThrough || _single.Contains(noticeId);

    public IReadOnlyList<InboxEvent> Read(long noticeId)
    {
        if (noticeId <= 0) throw InboxRefusals.NoSuchNotice.Invalid(nameof(noticeId));
        if (IsRead(noticeId)) return [];
        if (_single.Count >= SingleLimit) throw InboxRefusals.MarkAllFirst.Invalid(nameof(noticeId));
        return Raise(new NoticeRead(noticeId));
    }

    public IReadOnlyList<InboxEvent> ReadAllThrough(long noticeId) =>
        noticeId <= ReadThrough ? [] : Raise(new NoticesReadThrough(noticeId));

    public void Apply(InboxEvent e)
    {
        switch (e)
        {
            case NoticeRead r: _single.Add(r.NoticeId); break;
            case NoticesReadThrough t:
                ReadThrough = t.NoticeId;
                _single.RemoveWhere(id => id <= t.NoticeId);
                break;
        }
    }

    private IReadOnlyList<InboxEvent> Raise(InboxEvent e)
    {
        Apply(e);
        return [e];
    }
}
