using Deliberation.Runtime.Reminders;
using Deliberation.Runtime.Tests.Storage;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Deliberation.Runtime.Tests.Reminders;

/// <summary>The reminder table keeps Orleans' contract (IReminderTable) on every storage we support.</summary>
public sealed class ReminderTableTests
{
    private static readonly DateTime StartAt = new(2026, 12, 2, 8, 0, 0, 123, DateTimeKind.Utc);

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task ReadsBackAnUpsertedReminderByGrainAndByName(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var table = NewTable(storage);
        await table.StartAsync();
        var grain = GrainId.Create("notice", "item-1");

        var etag = await table.UpsertRow(Entry(grain, "notice-ends", TimeSpan.FromMinutes(5)));
        await table.UpsertRow(Entry(GrainId.Create("notice", "item-2"), "notice-ends", TimeSpan.FromMinutes(1)));

        var row = await table.ReadRow(grain, "notice-ends");
        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal(StartAt, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.Equal(etag, row.ETag);
        Assert.Equal(["notice-ends"], (await table.ReadRows(grain)).Reminders.Select(r => r.ReminderName));
        Assert.Null(await table.ReadRow(grain, "no-such-reminder"));
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task AnUpsertReplacesTheRowAndGivesItANewEtag(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var table = NewTable(storage);
        var grain = GrainId.Create("notice", "item-1");

        var first = await table.UpsertRow(Entry(grain, "notice-ends", TimeSpan.FromMinutes(5)));
        var second = await table.UpsertRow(Entry(grain, "notice-ends", TimeSpan.FromMinutes(7)));

        Assert.NotEqual(first, second);
        var rows = (await table.ReadRows(grain)).Reminders;
        Assert.Equal(TimeSpan.FromMinutes(7), Assert.Single(rows).Period);
        Assert.Equal(second, rows[0].ETag);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task RemovesARowOnlyWithItsCurrentEtag(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var table = NewTable(storage);
        var grain = GrainId.Create("notice", "item-1");
        var stale = await table.UpsertRow(Entry(grain, "notice-ends", TimeSpan.FromMinutes(5)));
        var current = await table.UpsertRow(Entry(grain, "notice-ends", TimeSpan.FromMinutes(5)));

        Assert.False(await table.RemoveRow(grain, "notice-ends", stale!));
        Assert.NotNull(await table.ReadRow(grain, "notice-ends"));
        Assert.True(await table.RemoveRow(grain, "notice-ends", current!));
        Assert.Null(await table.ReadRow(grain, "notice-ends"));
        Assert.False(await table.RemoveRow(grain, "notice-ends", current!));
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task ReadsAHashRangeExcludingItsStartAndWrappingAroundTheRing(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var table = NewTable(storage);
        var grains = Enumerable.Range(1, 12).Select(i => GrainId.Create("notice", $"item-{i}"))
            .OrderBy(g => g.GetUniformHashCode()).ToArray();
        foreach (var grain in grains) await table.UpsertRow(Entry(grain, "notice-ends", TimeSpan.FromMinutes(1)));
        uint Hash(int i) => grains[i].GetUniformHashCode();

        var inner = await table.ReadRows(Hash(2), Hash(5));
        var wrapped = await table.ReadRows(Hash(9), Hash(1));
        var whole = await table.ReadRows(Hash(4), Hash(4));

        Assert.Equal(grains[3..6], inner.Reminders.Select(r => r.GrainId).OrderBy(g => g.GetUniformHashCode()));
        Assert.Equal([grains[0], grains[1], grains[10], grains[11]], wrapped.Reminders.Select(r => r.GrainId).OrderBy(g => g.GetUniformHashCode()));
        Assert.Equal(grains.Length, whole.Reminders.Count);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task KeepsEachServicesRemindersApart(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        await using var ours = NewTable(storage, "deliberation");
        await using var theirs = NewTable(storage, "another-service");
        var grain = GrainId.Create("notice", "item-1");
        await ours.UpsertRow(Entry(grain, "notice-ends", TimeSpan.FromMinutes(1)));

        await theirs.TestOnlyClearTable();

        Assert.Empty((await theirs.ReadRows(0, 0)).Reminders);
        Assert.Single((await ours.ReadRows(0, 0)).Reminders);
    }

    [Theory, MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task ARestartedTableFindsTheRemindersOfTheOneBefore(string kind)
    {
        await using var storage = await TestStorage.CreateAsync(kind);
        var grain = GrainId.Create("notice", "item-1");
        string? etag;
        await using (var before = NewTable(storage))
            etag = await before.UpsertRow(Entry(grain, "notice-ends", TimeSpan.FromMinutes(1)));
        await using var after = NewTable(storage);

        await after.StartAsync();
        var row = await after.ReadRow(grain, "notice-ends");

        Assert.Equal(etag, row?.ETag);
        Assert.Equal(StartAt, row?.StartAt);
    }

    private static SqlReminderTable NewTable(TestStorage storage, string serviceId = "deliberation") =>
        new(storage.Options, Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = "test" }));

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = StartAt, Period = period };
}
