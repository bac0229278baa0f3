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
        var events = await CountEventsAsync(nodes.A);

        Assert.True(serviceA.IsLeader ^ serviceB.IsLeader, "exactly one node leads");
        Assert.Single(seenOnA);
        Assert.Equal(seenOnA, seenOnB);
        foreach (var name in nodes.A.ReadSide().Names)
        {
            Assert.Equal(dumpA[name], dumpB[name]);
            Assert.Equal(events, nodes.A.ReadSide().EventsApplied(name) + nodes.B.ReadSide().EventsApplied(name));
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

    private static async Task<long> CountEventsAsync(CouncilApp node)
    {
        var storage = node.Services.GetRequiredService<Deliberation.Web.Hosting.StorageOptions>();
        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
