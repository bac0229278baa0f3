namespace Deliberation.Domain.Inbox;

/// <summary>What the inbox refuses, in its own words (see <see cref="RefusalText"/>).</summary>
public static class InboxRefusals
{
    public static readonly RefusalText NoSuchNotice = new("inbox.no-such-notice", "There is no such notice.");
    public static readonly RefusalText MarkAllFirst = new("inbox.mark-all-first", "Mark all notices read first.");
}
