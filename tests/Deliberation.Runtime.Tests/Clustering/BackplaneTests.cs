using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Deliberation.Runtime.Tests.Clustering;

/// <summary>With Redis as the cluster provider, a push sent on one node reaches a screen connected to another.</summary>
public sealed class BackplaneTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [RedisFact]
    public async Task APushSentOnOneNodeReachesAScreenConnectedToTheOther()
    {
        await using var screenNode = await StartNodeAsync("redis");
        await using var sendingNode = await StartNodeAsync("redis");
        var pushed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var screen = await ConnectAsync(screenNode, pushed);

        await sendingNode.Services.GetRequiredService<IHubContext<PushHub>>().Clients.All.SendAsync("itemChanged", "item-1");

        Assert.Equal("item-1", await pushed.Task.WaitAsync(Timeout));
    }

    [Fact]
    public async Task WithOneSiloPushesStayOnTheirNode()
    {
        await using var screenNode = await StartNodeAsync("localhost");
        await using var sendingNode = await StartNodeAsync("localhost");
        var pushed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var screen = await ConnectAsync(screenNode, pushed);

        await sendingNode.Services.GetRequiredService<IHubContext<PushHub>>().Clients.All.SendAsync("itemChanged", "item-1");
        await screenNode.Services.GetRequiredService<IHubContext<PushHub>>().Clients.All.SendAsync("itemChanged", "item-2");

        // Sent after the first: had the first crossed nodes, it would have arrived before.
        Assert.Equal("item-2", await pushed.Task.WaitAsync(Timeout));
    }

    private static async Task<WebApplication> StartNodeAsync(string provider)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Cluster:Provider"] = provider;
        if (provider == "redis") builder.Configuration["Cluster:Redis"] = TestRedis.ConnectionString;
        builder.Services.AddSignalR().AddDeliberationBackplane(builder.Configuration);
        var app = builder.Build();
        app.MapHub<PushHub>("/hubs/push");
        await app.StartAsync();
        return app;
    }

    private static async Task<HubConnection> ConnectAsync(WebApplication node, TaskCompletionSource<string> pushed)
    {
        var address = node.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var connection = new HubConnectionBuilder().WithUrl($"{address}/hubs/push").Build();
        connection.On<string>("itemChanged", item => pushed.TrySetResult(item));
        await connection.StartAsync();
        return connection;
    }

    public sealed class PushHub : Hub;
}
