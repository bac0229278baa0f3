using System.Text.Json;
using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Grains;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.PublicBoard;

/// <summary>
/// The public board's read model: one row per disclosed item (<c>board_decisions</c>) and its search index
/// (<c>board_tokens</c>: council, token, item; see <see cref="SearchTokens"/>). An item gets a row only once it is
/// public, so nothing undisclosed is ever in these tables; its row and tokens follow each later event.
/// </summary>
internal sealed class PublicBoardProjection() : FoldedCategoryProjection<BoardState>(ProjectionName, AgendaItemGrain.Category, BoardState.Fold)
{
    public const string ProjectionName = "public-board";
    private const int TokensPerStatement = 300;

    public override IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS board_decisions (
            item_id TEXT NOT NULL PRIMARY KEY,
            council_id TEXT NOT NULL,
            body_id TEXT NOT NULL,
            category TEXT NOT NULL,
            stage TEXT NOT NULL,
            stage_zh TEXT NOT NULL,
            stage_en TEXT NOT NULL,
            year BIGINT NOT NULL,
            disclosed_at TEXT NOT NULL,
            decision TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_board_decisions_council ON board_decisions (council_id, disclosed_at)",
        """
        CREATE TABLE IF NOT EXISTS board_tokens (
            council_id TEXT NOT NULL,
            token TEXT NOT NULL,
            item_id TEXT NOT NULL
        )
        """,
        // The search's index: a query's tokens are looked up by (council, token) and their items intersected.
        "CREATE UNIQUE INDEX IF NOT EXISTS ux_board_tokens ON board_tokens (council_id, token, item_id)",
        "CREATE INDEX IF NOT EXISTS ix_board_tokens_item ON board_tokens (item_id)",
    ];

    public override IReadOnlyList<string> Tables { get; } = ["board_decisions", "board_tokens"];

    protected override async Task WriteAsync(BoardState state, EventEnvelope last, ProjectionContext context)
    {
        if (state.Decision() is { } decision) await WriteAsync(state, decision, context);
    }

    private static async Task WriteAsync(BoardState state, BoardDecision decision, ProjectionContext context)
    {
        await context.ExecuteAsync(
            "INSERT INTO board_decisions (item_id, council_id, body_id, category, stage, stage_zh, stage_en, year, disclosed_at, decision) " +
            "VALUES (@id, @council, @body, @category, @stage, @stageZh, @stageEn, @year, @disclosed, @decision) " +
            "ON CONFLICT (item_id) DO UPDATE SET council_id = excluded.council_id, body_id = excluded.body_id, " +
            "category = excluded.category, stage = excluded.stage, stage_zh = excluded.stage_zh, stage_en = excluded.stage_en, year = excluded.year, " +
            "disclosed_at = excluded.disclosed_at, decision = excluded.decision",
            ("@id", decision.Id), ("@council", decision.CouncilId), ("@body", decision.BodyId ?? ""),
            ("@category", decision.Category), ("@stage", decision.Stage), ("@stageZh", decision.StageNameZh ?? ""), ("@stageEn", decision.StageNameEn ?? ""),
            ("@year", (long)decision.DisclosedAt.UtcDateTime.Year),
            ("@disclosed", ReadModelTime.Format(decision.DisclosedAt)), ("@decision", JsonSerializer.Serialize(decision, EventJson.Options)));

        // The index changes only when the searched text does (an objection or a progress report leaves it as it was).
        var text = decision.SearchText;
        if (state.Indexed == text) return;
        await context.ExecuteAsync("DELETE FROM board_tokens WHERE item_id = @id", ("@id", decision.Id));
        foreach (var chunk in SearchTokens.Of(text).Order(StringComparer.Ordinal).Chunk(TokensPerStatement))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"(@council, @t{i}, @id)"));
            var parameters = chunk.Select((token, i) => ($"@t{i}", (object?)token))
                .Append(("@council", decision.CouncilId)).Append(("@id", decision.Id)).ToArray();
            await context.ExecuteAsync($"INSERT INTO board_tokens (council_id, token, item_id) VALUES {values}", parameters);
        }
        state.Indexed = text;
    }
}
