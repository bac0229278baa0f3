using System.Text.Json;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Grains;
using Orleans;

namespace Deliberation.Web.Record;

/// <summary>One checkpoint of a council's public record: every public stream's head, in stream id order (ordinal).</summary>
public sealed record RecordCheckpoint(string CouncilId, long Number, IReadOnlyList<CheckpointHead> Streams);

public sealed record CheckpointHead(string StreamId, long Sequence, string Hash);

/// <summary>
/// A council's chain of checkpoints: stream <c>record-checkpoint-{council}</c>, one <see cref="RecordCheckpoint"/>
/// event each, chained like every stream (each event's previous hash is the last checkpoint's hash). One activation per
/// council in the cluster, so checkpoints are written one at a time.
/// </summary>
public interface ICheckpointGrain : IGrainWithStringKey
{
    /// <summary>Writes a checkpoint of the heads as they are now, unless they are those of the last one; its sequence.</summary>
    Task<long> CheckpointAsync();
}

public sealed class CheckpointGrain(IEventLog log, ProjectionRunner readSide, TimeProvider clock) : Grain, ICheckpointGrain
{
    public const string Category = "record-checkpoint";
    public const string EventType = nameof(RecordCheckpoint);

    public static string StreamOf(string councilId) => $"{Category}-{councilId}";

    public async Task<long> CheckpointAsync()
    {
        var councilId = this.GetPrimaryKeyString();
        var streamId = StreamOf(councilId);
        // Read afresh each time: a write whose outcome was unknown may have landed.
        var last = await LastAsync(streamId);
        var heads = (await PublicRecord.HeadsAsync(readSide, councilId)).Select(h => new CheckpointHead(h.StreamId, h.Sequence, h.Hash)).ToList();
        var previous = last is null ? null : JsonSerializer.Deserialize<RecordCheckpoint>(last.Payload, EventJson.Options);
        if (previous is not null && previous.Streams.SequenceEqual(heads)) return last!.Sequence;

        var checkpoint = new RecordCheckpoint(councilId, (previous?.Number ?? 0) + 1, heads);
        var at = clock.GetUtcNow();
        var summary = new StreamSummary(streamId, Category, councilId, 0,
            JsonSerializer.Serialize(new { checkpoint.Number, Streams = heads.Count }, EventJson.Options), at);
        var written = await log.AppendAsync(new StreamAppend(streamId, last?.Sequence ?? 0,
            [new PendingEvent(EventType, "system", at, JsonSerializer.Serialize(checkpoint, EventJson.Options))], summary));
        return written[^1].Sequence;
    }

    private async Task<EventEnvelope?> LastAsync(string streamId) =>
        await log.GetSummaryAsync(streamId) is { Version: > 0 } row ? (await log.ReadStreamAsync(streamId, row.Version - 1)).LastOrDefault() : null;
}
