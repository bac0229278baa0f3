using Deliberation.Runtime.EventLog;

namespace Deliberation.Web.Demo;

/// <summary>
/// The demo's made-up history, gathered from every stream and written in one transaction in the order it happened, so
/// that the log reads as if it had been lived: positions follow the times, and no month's figures look late.
/// </summary>
public sealed class DemoLog
{
    private readonly List<(DateTimeOffset At, int Order, string StreamId, PendingEvent Event)> _events = [];
    private readonly Dictionary<string, StreamSummary> _rows = new(StringComparer.Ordinal);

    public int Count => _events.Count;

    public void Add(string streamId, IEnumerable<PendingEvent> events)
    {
        foreach (var e in events) _events.Add((e.OccurredAt, _events.Count, streamId, e));
    }

    /// <summary>The stream's catalogue row as its grain would have left it.</summary>
    public void Catalogue(StreamSummary row) => _rows[row.StreamId] = row;

    /// <param name="chunk">Appends per transaction: the demo's months go in one; a bench's years in many.</param>
    public async Task WriteAsync(IEventLog log, CancellationToken ct, int chunk = int.MaxValue)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var appends = new List<StreamAppend>(_events.Count);
        foreach (var (_, _, stream, e) in _events.OrderBy(e => e.At).ThenBy(e => e.Order))
        {
            var version = versions.GetValueOrDefault(stream);
            appends.Add(new StreamAppend(stream, version, [e], _rows.GetValueOrDefault(stream)));
            versions[stream] = version + 1;
        }
        foreach (var part in appends.Chunk(Math.Min(chunk, Math.Max(1, appends.Count)))) await log.AppendBatchAsync(part, ct);
        _events.Clear();
    }
}
