using System.Diagnostics;
using Deliberation.Runtime.EventLog;

namespace Deliberation.Web.Grains;

/// <summary>
/// The <c>dues</c> table's fill for a database written before it existed (once per database, by the one reconciler of
/// the cluster): every stream of a kind that falls due and has no row is asked once for its due time, through its grain
/// (which acts on what is already due, as a reminder's tick would, and sets its reminder), and the rows found are
/// written. Streams with a row are left alone: their row was written with their events. Page by page, a few grains at a
/// time; the database is marked done only when every stream answered, so a pass that met a failure tries again later.
/// </summary>
public sealed partial class DueTimesGrain
{
    public const string BackfillActivityName = "dues.backfill";
    public const string BackfilledEvent = "backfilled";
    private const int BackfillPage = 200;
    private const int AtOnce = 16;

    private bool _backfilled;

    private async Task BackfillOnceAsync()
    {
        if (_backfilled) return;
        if (log is not IDuesBackfill backfill || await backfill.IsDuesBackfilledAsync())
        {
            _backfilled = true;
            return;
        }
        using var activity = Source.StartActivity(BackfillActivityName);
        var (asked, written, failed) = (0, 0, 0);
        foreach (var kind in _kinds.Values)
        {
            string? after = null;
            IReadOnlyList<string> page;
            do
            {
                page = await backfill.ListStreamsWithoutDueAsync(kind.Category, after, BackfillPage);
                var dues = new List<StreamDueAtVersion>();
                foreach (var chunk in page.Chunk(AtOnce))
                {
                    foreach (var (stream, kept) in await Task.WhenAll(chunk.Select(stream => AskAsync(kind, stream))))
                    {
                        asked++;
                        if (kept is null) failed++;
                        else if (kept.DueAt is { } at) dues.Add(new StreamDueAtVersion(stream, at, kept.Version));
                        if (kept?.Acted == true)
                            activity?.AddEvent(new ActivityEvent(WokenEvent, tags: new ActivityTagsCollection { ["stream"] = stream }));
                    }
                }
                written += await backfill.BackfillDuesAsync(dues);
                foreach (var due in dues)
                    activity?.AddEvent(new ActivityEvent(BackfilledEvent, tags: new ActivityTagsCollection { ["stream"] = due.StreamId }));
                after = page.Count > 0 ? page[^1] : null;
            } while (page.Count == BackfillPage);
        }
        activity?.SetTag("deliberation.dues.asked", asked).SetTag("deliberation.dues.backfilled", written).SetTag("deliberation.dues.failed", failed);
        if (failed > 0)
        {
            logger.LogWarning("Filling the due times of an older database: {Failed} of {Asked} streams did not answer; the next pass tries them again.",
                failed, asked);
            return;
        }
        await backfill.MarkDuesBackfilledAsync();
        _backfilled = true;
        logger.LogInformation("Filled the due times of an older database: {Written} due of {Asked} streams that had none.", written, asked);
    }

    /// <summary>The stream's due time as its grain keeps it; null when the grain could not answer now.</summary>
    private async Task<(string Stream, DueTimeKept? Kept)> AskAsync(DueKind kind, string stream)
    {
        // Streams of a category are named "{category}-{key}" (AggregateGrain.StreamId).
        if (!stream.StartsWith(kind.Category + "-", StringComparison.Ordinal)) return (stream, new DueTimeKept(null, 0, Acted: false));
        try
        {
            return (stream, await kind.Grain(GrainFactory, stream[(kind.Category.Length + 1)..]).KeepDueTimeAsync());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Stream {Stream} could not be asked for its due time.", stream);
            return (stream, null);
        }
    }
}
