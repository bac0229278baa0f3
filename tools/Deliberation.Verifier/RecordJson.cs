using System.Text.Json;

namespace Deliberation.Verifier;

/// <summary>The public record's JSON, as far as the verifier reads it.</summary>
public sealed record RecordIndex(string CouncilId, string Recipe, ChainHead Checkpoints, IReadOnlyList<StreamHead> Streams);

public sealed record ChainHead(string StreamId, long Sequence, string Hash);

public sealed record StreamHead(string StreamId, string Kind, long Sequence, string Hash);

public sealed record RecordStream(string StreamId, string Kind, IReadOnlyList<RecordEvent> Events, string? Next);

public sealed record RecordEvent(long Sequence, string PreviousHash, string Hash, string Type, string OccurredAt,
    string? Actor, string? Payload, JsonElement? Withheld);

public sealed record Checkpoint(string CouncilId, long Number, IReadOnlyList<CheckpointHead> Streams);

public sealed record CheckpointHead(string StreamId, long Sequence, string Hash);

public static class RecordJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
