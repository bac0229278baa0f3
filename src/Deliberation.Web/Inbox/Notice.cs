namespace Deliberation.Web.Inbox;

/// <summary>
/// One notice in a person's inbox: what kind, what it is about and where it leads, and its words as a UI text key
/// (<c>notice.{kind}</c>) with arguments, so it reads in the person's language whenever they open it. A feature adds a
/// kind by adding a key to its ui-text.json and drafting the notice in a reader of its streams' category
/// (a <see cref="ReadSide.CategoryReader{TEvent}"/>) that <see cref="NoticesProjection"/> lists.
/// </summary>
/// <param name="Id">The log position of the event it tells of: one event, one notice per person, never two.</param>
public sealed record Notice(long Id, string CouncilId, string Kind, string SubjectId, string Link, IReadOnlyList<string> Args,
    DateTimeOffset At, bool Read)
{
    public string TextKey => TextKeyOf(Kind);

    public static string TextKeyOf(string kind) => $"notice.{kind}";
}

/// <summary>A notice as an event's handler drafts it, before it is addressed to each recipient.</summary>
public sealed record NoticeDraft(string CouncilId, string Kind, string SubjectId, string Link, IReadOnlyList<string> Args);
