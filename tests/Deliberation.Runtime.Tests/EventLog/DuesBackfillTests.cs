using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Tests.Storage;

namespace Deliberation.Runtime.Tests.EventLog;

/// <summary>
/// The <c>dues</c> table's one-time fill for a database written before it: only streams without a row are listed, a
/// row is written only for the version its due time was read at and never over one an append wrote, and a log that
/// was empty when first opened needs no fill at all.
/// </summary>
public sealed class DuesBackfillTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 9, 30, 15, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task AnEmptyLogIsMarkedAsNeedingNoFill(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();

        Assert.True(await ((IDuesBackfill)log).IsDuesBackfilledAsync());
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task FillsOnlyStreamsWithoutARowAndOnlyAtTheVersionTheirDueTimeWasReadAt(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var log = (IAsyncDisposable)storage.NewLog();
        var (events, backfill) = ((IEventLog)log, (IDuesBackfill)log);
        // Written as before the dues table: no rows.
        foreach (var stream in new[] { "item-a", "item-b", "item-c" }) await events.AppendAsync(Append(stream, 0, mayFallDue: false, due: null));
        await events.AppendAsync(Append("vote-x", 0, mayFallDue: false, due: null) with { Summary = Summary("vote-x", "vote", false, null) });
        await storage.ExecuteAsync("DELETE FROM upgrades");
        // Then touched by today's code: b falls due (its row written), c has nothing due (its row cleared, after its
        // due time was read at version 1).
        await events.AppendAsync(Append("item-b", 1, mayFallDue: true, due: At.AddDays(9)));
        await events.AppendAsync(Append("item-c", 1, mayFallDue: true, due: null));

        Assert.False(await backfill.IsDuesBackfilledAsync());
        Assert.Equal(["item-a", "item-c"], await backfill.ListStreamsWithoutDueAsync("item", null, 10));
        Assert.Equal(["item-a"], await backfill.ListStreamsWithoutDueAsync("item", null, 1));
        Assert.Equal(["item-c"], await backfill.ListStreamsWithoutDueAsync("item", "item-a", 1));

        var written = await backfill.BackfillDuesAsync([
            new StreamDueAtVersion("item-a", At.AddDays(1), 1),
            new StreamDueAtVersion("item-b", At.AddDays(2), 2),
            new StreamDueAtVersion("item-c", At.AddDays(3), 1),
        ]);
        await backfill.MarkDuesBackfilledAsync();
        await backfill.MarkDuesBackfilledAsync();

        Assert.Equal(1, written);
        Assert.Equal([new StreamDue("item-a", "item", At.AddDays(1)), new StreamDue("item-b", "item", At.AddDays(9))], await events.ListDueAsync(null, 10));
        Assert.True(await backfill.IsDuesBackfilledAsync());
    }

    private static StreamAppend Append(string stream, long expected, bool mayFallDue, DateTimeOffset? due) =>
        new(stream, expected, [new PendingEvent("Changed", "u-clerk", At, "{}")], Summary(stream, "item", mayFallDue, due));

    private static StreamSummary Summary(string stream, string category, bool mayFallDue, DateTimeOffset? due) =>
        new(stream, category, "lakeside", 0, "{}", At) { MayFallDue = mayFallDue, DueAt = due };
}
