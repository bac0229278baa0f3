using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Deliberation.Verifier;

/// <summary>
/// Verifies a council's whole public record over its public JSON (docs/verifying.md): every stream's chain, every
/// event whose body is shown recomputed, every checkpoint's heads found in today's streams, and the checkpoint chain
/// against any checkpoint hashes the caller kept from before.
/// </summary>
/// <param name="http">A client whose base address is the site (https://example.org/).</param>
public sealed class RecordVerifier(HttpClient http)
{
    public const string CheckpointType = "RecordCheckpoint";

    /// <param name="kept">Checkpoints (sequence, hash) seen before, e.g. printed on the notice board: each must still be there.</param>
    public async Task<VerificationReport> VerifyAsync(string councilId, IReadOnlyList<(long Sequence, string Hash)>? kept = null,
        CancellationToken ct = default)
    {
        var report = new VerificationReport();
        var council = Uri.EscapeDataString(councilId);
        var index = await GetAsync<RecordIndex>($"api/councils/{council}/record", ct);
        if (index.Recipe != ChainHash.Recipe) report.Problem($"The record uses the recipe '{index.Recipe}'; this verifier knows '{ChainHash.Recipe}'.");

        var streams = new Dictionary<string, IReadOnlyList<RecordEvent>>(StringComparer.Ordinal);
        foreach (var head in index.Streams)
        {
            var events = await StreamAsync(council, head.StreamId, ct);
            if (events is null)
            {
                report.Problem($"{head.StreamId}: listed in the record's index, but its events are not served.");
                continue;
            }
            streams[head.StreamId] = events;
            CheckChain(head.StreamId, events, report);
            if (!Holds(events, head.Sequence, head.Hash))
                report.Problem($"{head.StreamId}: the index gives its head as #{head.Sequence} {head.Hash}, which the stream does not hold.");
        }
        report.Streams = streams.Count;

        var chain = await StreamAsync(council, index.Checkpoints.StreamId, ct) ?? [];
        CheckChain(index.Checkpoints.StreamId, chain, report);
        if (chain.Count == 0) report.Problem("The council has published no checkpoint of its record.");
        if (!Holds(chain, index.Checkpoints.Sequence, index.Checkpoints.Hash))
            report.Problem($"The index gives the checkpoints' head as #{index.Checkpoints.Sequence}, which the checkpoint chain does not hold.");
        foreach (var (sequence, hash) in kept ?? [])
            if (!Holds(chain, sequence, hash))
                report.Problem($"Checkpoint #{sequence} {hash}, kept from before, is not in the checkpoint chain: the chain was rewritten.");
        foreach (var e in chain) CheckCheckpoint(councilId, e, streams, report);
        report.Checkpoints = chain.Count;
        return report;
    }

    /// <summary>Each checkpointed head must still be in its stream, and the stream still in the record.</summary>
    private static void CheckCheckpoint(string councilId, RecordEvent e, Dictionary<string, IReadOnlyList<RecordEvent>> streams, VerificationReport report)
    {
        if (e.Type != CheckpointType || e.Payload is null)
        {
            report.Problem($"Checkpoint #{e.Sequence}: not a {CheckpointType} event with its body shown.");
            return;
        }
        var checkpoint = JsonSerializer.Deserialize<Checkpoint>(e.Payload, RecordJson.Options)!;
        if (checkpoint.CouncilId != councilId || checkpoint.Number != e.Sequence)
            report.Problem($"Checkpoint #{e.Sequence}: names council '{checkpoint.CouncilId}' and number {checkpoint.Number}.");
        foreach (var head in checkpoint.Streams)
        {
            if (!streams.TryGetValue(head.StreamId, out var events))
                report.Problem($"{head.StreamId}: in checkpoint #{e.Sequence} (at #{head.Sequence}), but no longer in the record: the stream was removed.");
            else if (!Holds(events, head.Sequence, head.Hash))
                report.Problem($"{head.StreamId}: checkpoint #{e.Sequence} holds #{head.Sequence} {head.Hash}, the stream does not: it was rewritten or cut.");
        }
    }

    /// <summary>Sequences from 1 without a gap, each previous hash the one before's hash, and each shown body's hash recomputed.</summary>
    private static void CheckChain(string streamId, IReadOnlyList<RecordEvent> events, VerificationReport report)
    {
        var previous = ChainHash.Genesis;
        long expected = 1;
        foreach (var e in events)
        {
            if (e.Sequence != expected) report.Problem($"{streamId}: event #{e.Sequence} where #{expected} should be.");
            if (e.PreviousHash != previous) report.Problem($"{streamId} #{e.Sequence}: its previous hash is not the hash of the event before it.");
            if (e.Withheld is not null || e.Actor is null || e.Payload is null)
            {
                report.EventsWithheld++;
            }
            else
            {
                report.EventsHashed++;
                if (ChainHash.Of(e.PreviousHash, streamId, e.Sequence, e.Type, e.Actor, e.OccurredAt, e.Payload) != e.Hash)
                    report.Problem($"{streamId} #{e.Sequence}: its body does not hash to its hash: the event was altered.");
            }
            previous = e.Hash;
            expected = e.Sequence + 1;
        }
    }

    private static bool Holds(IReadOnlyList<RecordEvent> events, long sequence, string hash) =>
        sequence == 0 ? hash == ChainHash.Genesis : events.Any(e => e.Sequence == sequence && e.Hash == hash);

    /// <summary>A stream's events, every page of them; null when the site does not serve it.</summary>
    private async Task<IReadOnlyList<RecordEvent>?> StreamAsync(string council, string streamId, CancellationToken ct)
    {
        var events = new List<RecordEvent>();
        string? next = $"api/councils/{council}/record/streams/{Uri.EscapeDataString(streamId)}";
        while (next is not null)
        {
            using var response = await http.GetAsync(next.TrimStart('/'), ct);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            response.EnsureSuccessStatusCode();
            var page = (await response.Content.ReadFromJsonAsync<RecordStream>(RecordJson.Options, ct))!;
            events.AddRange(page.Events);
            next = page.Next;
        }
        return events;
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<T>(RecordJson.Options, ct))!;
    }
}
