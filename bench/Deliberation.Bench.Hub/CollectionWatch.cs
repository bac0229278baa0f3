using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Deliberation.Bench.Hub;

/// <summary>
/// The runtime's own account of each collection while a storm runs (generation, pause, bytes promoted, the heaps, and
/// the bytes marked from each kind of root: stacks, handles, older generations through their cards) and, with
/// BENCH_ALLOCATIONS=1, which types took the allocation samples: where a pause's length comes from.
/// </summary>
public sealed class CollectionWatch : EventListener
{
    private readonly bool sampleAllocations = Environment.GetEnvironmentVariable("BENCH_ALLOCATIONS") == "1";
    private readonly ConcurrentQueue<string> collections = new();
    private readonly ConcurrentDictionary<string, long> allocated = new(StringComparer.Ordinal);
    private DateTime suspended;
    private int generation;
    private string promoted = "";
    private int heaps;
    // Bytes marked from each kind of root in the collection under way (all heaps together): stacks, finalization queue,
    // handles, older generations (cards), sized refs, overflow.
    private readonly long[] marked = new long[6];

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, sampleAllocations ? EventLevel.Verbose : EventLevel.Informational, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        switch (e.EventName)
        {
            case "GCStart_V2":
                generation = Convert.ToInt32(e.Payload![1]);
                Array.Clear(marked);
                break;
            case "GCMarkWithType":
                if (Convert.ToInt32(e.Payload![2]) is var kind and >= 0 and < 6) marked[kind] += Convert.ToInt64(e.Payload[3]);
                break;
            case "GCGlobalHeapHistory_V4" or "GCGlobalHeapHistory_V3" or "GCGlobalHeapHistory_V2":
                heaps = Convert.ToInt32(e.Payload![e.PayloadNames!.IndexOf("NumHeaps")]);
                break;
            case "GCSuspendEEBegin_V1": suspended = e.TimeStamp; break;
            case "GCHeapStats_V2":
                promoted = $"promoted gen0→1 {Convert.ToInt64(e.Payload![1]) / 1024:N0} KiB, gen1→2 {Convert.ToInt64(e.Payload[3]) / 1024:N0} KiB";
                break;
            case "GCRestartEEEnd_V1":
                collections.Enqueue($"gen{generation} paused {(e.TimeStamp - suspended).TotalMilliseconds:F1} ms, {promoted}; {heaps} heap(s); " +
                    $"marked from stacks {marked[0] / 1024:N0} KiB, handles {marked[2] / 1024:N0} KiB, older generations {marked[3] / 1024:N0} KiB, " +
                    $"finalization {marked[1] / 1024:N0} KiB");
                break;
            case "GCAllocationTick_V4":
                allocated.AddOrUpdate((string)e.Payload![5]!, Convert.ToInt64(e.Payload[0]), (_, v) => v + Convert.ToInt64(e.Payload[0]));
                break;
        }
    }

    public IReadOnlyList<string> Take()
    {
        var lines = new List<string>();
        while (collections.TryDequeue(out var line)) lines.Add(line);
        foreach (var (type, bytes) in allocated.OrderByDescending(p => p.Value).Take(40))
            lines.Add($"  {bytes / 1024,10:N0} KiB  {type}");
        allocated.Clear();
        return lines;
    }
}
