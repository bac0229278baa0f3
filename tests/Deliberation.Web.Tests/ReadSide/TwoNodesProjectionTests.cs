using System.Net;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Following;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Deliberation.Web.Tests.ReadSide;

/// <summary>On two nodes, one keeps the projections current, and each event is applied once in the cluster, not once per node.</summary>
public sealed class TwoNodesProjectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [TwoNodesFact]
    public async Task OneNodeLeadsAndEachEventIsAppliedOnceWhicheverNodeReads()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var (serviceA, serviceB) = (Service(nodes.A), Service(nodes.B));
        await Task.WhenAny(serviceA.Led, serviceB.Led).WaitAsync(Patience);
        var resident = await nodes.B.SignedInAs("resident");

        await (await resident.Post("/api/councils/lakeside/items/item-demo-kiosks/follow")).Expect(HttpStatusCode.OK);
        var seenOnA = await ItemFollowers.ListAsync(nodes.A.ReadSide(), "lakeside", "item-demo-kiosks");
        var seenOnB = await ItemFollowers.ListAsync(nodes.B.ReadSide(), "lakeside", "item-demo-kiosks");
        var dumpA = await nodes.A.DumpAsync();
        var dumpB = await nodes.B.DumpAsync();

        Assert.True(serviceA.IsLeader ^ serviceB.IsLeader, "exactly one node leads");
        Assert.Single(seenOnA);
        Assert.Equal(seenOnA, seenOnB);
        Assert.Equal(dumpA, dumpB);
        foreach (var name in nodes.A.ReadSide().Names)
        {
            // The app writes on its own too (the record's checkpoint at start): compare what both nodes applied with the
            // events up to the checkpoint, once they agree on it. Applied twice, the sum would stay above the count.
            long applied = 0, events = -1;
            for (var attempt = 0; attempt < 20 && applied != events; attempt++)
            {
                await nodes.A.ReadSide().CatchUpAsync(name);
                var checkpoint = await nodes.A.ReadSide().CheckpointAsync(name);
                applied = nodes.A.ReadSide().EventsApplied(name) + nodes.B.ReadSide().EventsApplied(name);
                events = await CountEventsAsync(nodes.A, checkpoint);
            }
            Assert.Equal(events, applied);
        }
    }

    [TwoNodesFact]
    public async Task AProjectionRebuiltOnOneNodeEqualsTheOneBuiltLive()
    {
        await using var nodes = await TwoNodes.StartAsync();
        await nodes.B.WriteSomethingForEachAsync();
        var live = await nodes.A.DumpAsync();

        foreach (var name in nodes.B.ReadSide().Names) await nodes.B.ReadSide().RebuildAsync(name);
        var rebuilt = await nodes.A.DumpAsync();

        foreach (var (name, rows) in live) Assert.Equal(rows, rebuilt[name]);
    }

    private static ProjectionService Service(CouncilApp node) => node.Services.GetRequiredService<ProjectionService>();

    private static async Task<long> CountEventsAsync(CouncilApp node, long upTo)
    {
        var storage = node.Services.GetRequiredService<Deliberation.Web.Hosting.StorageOptions>();
        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM events WHERE global_position <= @upTo", connection);
        command.Parameters.AddWithValue("upTo", upTo);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
