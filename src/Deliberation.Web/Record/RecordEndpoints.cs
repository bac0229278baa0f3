using Deliberation.Domain.Comments;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Accounts;

namespace Deliberation.Web.Record;

/// <summary>
/// The council's public record as JSON, for anyone to check from outside (docs/verifying.md; tools/Deliberation.Verifier):
/// the index of its public streams with their heads and its checkpoint chain, and each stream's events. Read from the
/// <see cref="RecordProjection"/> and the log; no grain is called, so a stream that is not public activates nothing.
/// </summary>
public static class RecordEndpoints
{
    /// <summary>Events per page of a stream; <c>next</c> names the following page.</summary>
    public const int PageSize = 1000;

    public static IEndpointRouteBuilder MapPublicRecord(this IEndpointRouteBuilder app)
    {
        var record = app.MapGroup("/api/councils/{councilId}/record").WithTags("Public record");

        record.MapGet("/", async (string councilId, IEventLog log, ProjectionRunner readSide) =>
        {
            var checkpoints = CheckpointGrain.StreamOf(councilId);
            var chain = await log.GetSummaryAsync(checkpoints) is { Version: > 0 } row
                ? (await log.ReadStreamAsync(checkpoints, row.Version - 1)).LastOrDefault()
                : null;
            return Results.Ok(new RecordIndex(councilId, "sha256-len-prefixed-v1",
                new ChainHead(checkpoints, chain?.Sequence ?? 0, chain?.Hash ?? EventHasher.GenesisHash),
                await PublicRecord.HeadsAsync(readSide, councilId)));
        }).Access(Audience.Public);

        record.MapGet("/streams/{streamId}", async (string councilId, string streamId, long? after, IEventLog log, ProjectionRunner readSide) =>
        {
            var isCheckpoints = streamId == CheckpointGrain.StreamOf(councilId);
            if (!isCheckpoints && !await PublicRecord.IsPublicAsync(readSide, councilId, streamId))
                return Results.Problem(statusCode: 404, detail: "There is no such public stream in this council's record.");
            var from = Math.Max(after ?? 0, 0);
            var events = await log.ReadStreamAsync(streamId, from);
            var page = events.Take(PageSize).ToList();
            IReadOnlySet<string> disclosed = isCheckpoints ? new HashSet<string>() : await PublicRecord.DisclosedItemsAsync(readSide, councilId);
            var next = events.Count > PageSize ? $"/api/councils/{councilId}/record/streams/{streamId}?after={page[^1].Sequence}" : null;
            // A comment is hidden after it was posted, so the hidings of this page's comments are among the events read.
            var hidden = events.Where(e => e.EventType == nameof(CommentHidden))
                .Select(e => ((CommentHidden)EventCodec<CommentEvent>.Instance.Decode(e)).No).ToHashSet();
            return Results.Ok(new RecordStream(streamId, isCheckpoints ? "checkpoints" : RecordKinds.Of(streamId)!.Name,
                page.Select(e => Withholding.Of(e, disclosed, hidden)).ToList(), next));
        }).Access(Audience.Public);
        return app;
    }
}

/// <summary>The index: the hash recipe's name, the checkpoint chain's head, and every public stream's head.</summary>
public sealed record RecordIndex(string CouncilId, string Recipe, ChainHead Checkpoints, IReadOnlyList<StreamHead> Streams);

public sealed record ChainHead(string StreamId, long Sequence, string Hash);

public sealed record RecordStream(string StreamId, string Kind, IReadOnlyList<RecordEvent> Events, string? Next);
