using Deliberation.Domain.Comments;
using Deliberation.Runtime.Projections;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Comments;

/// <summary>
/// Each item's comments and its window, as the item's page lists them: one indexed read, never a replay. A hidden
/// comment keeps its row, text included (the clerk may read what they hid); who reads what is decided on the way out
/// (<see cref="CommentList"/>).
/// </summary>
public sealed class CommentsProjection() : CategoryProjection<CommentEvent>(ProjectionName, CommentsGrain.Category)
{
    public const string ProjectionName = "item-comments";

    public override IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS item_comments (
            item_id TEXT NOT NULL,
            comment_no BIGINT NOT NULL,
            council_id TEXT NOT NULL,
            author_id TEXT NOT NULL,
            posted_at TEXT NOT NULL,
            text TEXT NOT NULL,
            hidden_reason TEXT,
            PRIMARY KEY (item_id, comment_no)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS comment_windows (
            item_id TEXT NOT NULL PRIMARY KEY, council_id TEXT NOT NULL, open_step_id TEXT, open_step_entry BIGINT NOT NULL)
        """,
    ];

    public override IReadOnlyList<string> Tables { get; } = ["item_comments", "comment_windows"];

    protected override async Task ApplyAsync(string itemId, CommentEvent e, LoggedEvent logged, ProjectionContext context)
    {
        switch (e)
        {
            case CommentWindowOpened o:
                await context.ExecuteAsync("INSERT INTO comment_windows (item_id, council_id, open_step_id, open_step_entry) " +
                    "VALUES (@item, @council, @step, @entry) " +
                    "ON CONFLICT (item_id) DO UPDATE SET open_step_id = excluded.open_step_id, open_step_entry = excluded.open_step_entry",
                    ("@item", itemId), ("@council", o.CouncilId), ("@step", o.StepId), ("@entry", o.StepEntry));
                break;
            case CommentWindowClosed:
                await context.ExecuteAsync("UPDATE comment_windows SET open_step_id = NULL WHERE item_id = @item", ("@item", itemId));
                break;
            case CommentPosted p:
                await context.ExecuteAsync("INSERT INTO item_comments (item_id, comment_no, council_id, author_id, posted_at, text, hidden_reason) " +
                    "SELECT item_id, @no, council_id, @author, @at, @text, NULL FROM comment_windows WHERE item_id = @item " +
                    "ON CONFLICT (item_id, comment_no) DO NOTHING",
                    ("@item", itemId), ("@no", (long)p.No), ("@author", p.AuthorId), ("@at", ReadModelTime.Format(logged.Event.OccurredAt)), ("@text", p.Text));
                break;
            case CommentHidden h:
                await context.ExecuteAsync("UPDATE item_comments SET hidden_reason = @reason WHERE item_id = @item AND comment_no = @no",
                    ("@item", itemId), ("@no", (long)h.No), ("@reason", h.Reason));
                break;
        }
    }
}
