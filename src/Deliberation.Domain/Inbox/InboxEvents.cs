namespace Deliberation.Domain.Inbox;

/// <summary>A change to what one person has read in their inbox (我的消息). Kept in their own stream.</summary>
public abstract record InboxEvent;

/// <summary>One notice read (its id is the log position of the event it tells of).</summary>
public sealed record NoticeRead(long NoticeId) : InboxEvent;

/// <summary>Every notice up to and including this id read at once ("mark all read").</summary>
public sealed record NoticesReadThrough(long NoticeId) : InboxEvent;
