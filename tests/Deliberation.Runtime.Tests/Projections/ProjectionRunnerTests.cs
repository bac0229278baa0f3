using System.Collections.Concurrent;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Projections;
using Deliberation.Runtime.Tests.Storage;

namespace Deliberation.Runtime.Tests.Projections;

/// <summary>The runner follows the log by global position: no event skipped or applied twice, on every storage.</summary>
public sealed class ProjectionRunnerTests
{
    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task ATailFollowingTwoWritersAtOnceMissesNoEventAndAppliesNoneTwice(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        // Two logs on one database: two nodes' writers, whose transactions interleave.
        await using var first = (IAsyncDisposable)storage.NewLog();
        await using var second = (IAsyncDisposable)storage.NewLog();
        var recording = new Recording();
        await using var runner = new ProjectionRunner(storage.Options, [recording]);
        await runner.EnsureSchemaAsync();
        using var writing = new CancellationTokenSource();

        var tail = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested) await runner.CatchUpAsync(recording.Name);
        });
        await Task.WhenAll(Enumerable.Range(0, 40).Select(writer => Task.Run(async () =>
        {
            var log = (IEventLog)(writer % 2 == 0 ? first : second);
            for (var i = 0; i < 25; i++)
                await log.AppendAsync(new StreamAppend($"s-{writer}", i,
                    [new PendingEvent("Happened", "tester", DateTimeOffset.UtcNow, "{}")], null));
        })));
        await writing.CancelAsync();
        await tail;
        await runner.CatchUpAsync(recording.Name);

        Assert.Equal(1000, recording.Applied.Count);
        Assert.Equal(1000, recording.Applied.Distinct().Count());
        Assert.All(Enumerable.Range(0, 40), writer => Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i),
            recording.Applied.Where(a => a.Stream == $"s-{writer}").Select(a => a.Sequence)));
        Assert.Equal(1000, runner.EventsApplied(recording.Name));
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task TwoRunnersOnOneDatabaseApplyEachEventOnce(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        for (var i = 0; i < 300; i++)
            await ((IEventLog)log).AppendAsync(new StreamAppend($"s-{i % 7}", i / 7,
                [new PendingEvent("Happened", "tester", DateTimeOffset.UtcNow, "{}")], null));
        var (a, b) = (new Recording(), new Recording());
        await using var runnerA = new ProjectionRunner(storage.Options, [a]);
        await using var runnerB = new ProjectionRunner(storage.Options, [b]);

        await Task.WhenAll(runnerA.CatchUpAsync(a.Name), runnerB.CatchUpAsync(b.Name));

        Assert.Equal(300, runnerA.EventsApplied(a.Name) + runnerB.EventsApplied(b.Name));
        Assert.Equal(300, await runnerA.CheckpointAsync(a.Name));
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task CatchingUpAllReadsEachBatchOnceAndEachProjectionAppliesWhatItLacks(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        async Task AppendAsync(int from, int count)
        {
            for (var i = from; i < from + count; i++)
                await ((IEventLog)log).AppendAsync(new StreamAppend($"s-{i % 7}", i / 7,
                    [new PendingEvent("Happened", "tester", DateTimeOffset.UtcNow, "{}")], null));
        }
        var (early, late, other) = (new Recording("early"), new Recording("late"), new Recording("other"));
        await using var runner = new ProjectionRunner(storage.Options, [early, late, other]);
        await AppendAsync(0, 100);
        await runner.CatchUpAsync(early.Name);
        await AppendAsync(100, 200);
        var readBefore = runner.BatchesRead;

        await runner.CatchUpAllAsync();

        Assert.Equal(1, runner.BatchesRead - readBefore);
        Assert.Equal(300, early.Applied.Count);
        Assert.Equal(300, early.Applied.Distinct().Count());
        Assert.Equal(300, late.Applied.Count);
        Assert.Equal(300, other.Applied.Count);
        foreach (var projection in new[] { early, late, other })
            Assert.Equal(300, await runner.CheckpointAsync(projection.Name));
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task AProjectionThatFailsHoldsBackOnlyItselfWhenAllCatchUpTogether(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        for (var i = 0; i < 50; i++)
            await ((IEventLog)log).AppendAsync(new StreamAppend($"s-{i % 5}", i / 5,
                [new PendingEvent("Happened", "tester", DateTimeOffset.UtcNow, "{}")], null));
        var (before, broken, after) = (new Recording("a_before"), new Recording("b_broken", failOn: ("s-3", 4)), new Recording("c_after"));
        await using var runner = new ProjectionRunner(storage.Options, [before, broken, after]);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.CatchUpAllAsync());

        Assert.Contains("s-3", failure.Message, StringComparison.Ordinal);
        foreach (var working in new[] { before, after })
        {
            Assert.Equal(50, await runner.CheckpointAsync(working.Name));
            Assert.Equal(50, working.Applied.Distinct().Count());
            Assert.Equal(50L, await storage.CountAsync($"SELECT COUNT(*) FROM recorded_{working.Name}"));
        }
        Assert.Equal(0, await runner.CheckpointAsync(broken.Name));
        Assert.Equal(0L, await storage.CountAsync("SELECT COUNT(*) FROM recorded_b_broken"));
    }

    /// <summary>Writes a row per event (so a rolled-back batch leaves none) and records what it committed.</summary>
    private sealed class Recording(string name = "recording", (string Stream, long Sequence)? failOn = null) : IProjection
    {
        private readonly List<(string Stream, long Sequence)> _pending = [];
        private readonly string _table = $"recorded_{name}";

        public ConcurrentQueue<(string Stream, long Sequence)> Applied { get; } = new();
        public string Name => name;
        public IReadOnlyList<string> Schema =>
            [$"CREATE TABLE IF NOT EXISTS {_table} (stream_id TEXT NOT NULL, sequence BIGINT NOT NULL, PRIMARY KEY (stream_id, sequence))"];
        public IReadOnlyList<string> Tables => [_table];

        public async Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct)
        {
            _pending.Clear();
            foreach (var (_, e) in events)
            {
                if ((e.StreamId, e.Sequence) == failOn) throw new InvalidOperationException($"{name} cannot apply {e.StreamId}#{e.Sequence}.");
                // The primary key refuses an event applied twice.
                await context.ExecuteAsync($"INSERT INTO {_table} (stream_id, sequence) VALUES (@s, @n)", ("@s", e.StreamId), ("@n", e.Sequence));
                _pending.Add((e.StreamId, e.Sequence));
            }
            foreach (var applied in _pending) Applied.Enqueue(applied);
        }

        public void Forget() => _pending.Clear();
    }
}
