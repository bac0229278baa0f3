using System.Net;
using Deliberation.Web.Councils;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Deliberation.Web.Tests.Accounts;

/// <summary>
/// The access check of a council's requests reads who holds which role from this node's cache, not from the council's
/// one activation: reads go on while a write holds the council grain, and a role change counts on the next request.
/// </summary>
public sealed class CouncilActorCacheTests : IDisposable
{
    private readonly CouncilApp _app = new();
    private readonly HeldCouncilWrites _held = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ReadsOfACouncilDoNotQueueBehindASlowWriteToIt()
    {
        var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IIncomingGrainCallFilter>(_held)));
        var clerk = await SignedInAsync(app, "clerk");
        var member = await SignedInAsync(app, "member1");
        var visitor = await (await SignedInAsync(app, "visitor")).IdOfAsync();
        await (await member.GetAsync("/api/councils/lakeside/items")).Expect(HttpStatusCode.OK);

        _held.Armed = true;
        var write = clerk.GrantAsync("lakeside", visitor);
        await _held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var reads = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => member.GetAsync("/api/councils/lakeside/items")))
            .WaitAsync(TimeSpan.FromSeconds(10));
        var writeWasStillHeld = !write.IsCompleted;
        _held.Release.SetResult();

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(writeWasStillHeld, "The reads answered while the council's write was still held.");
        await (await write).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task ARevokedRoleIsRefusedOnTheNextRequest()
    {
        var clerk = await _app.SignedInAs("clerk");
        var chair = await _app.SignedInAs("chair");
        var chairId = await chair.IdOfAsync();
        await (await chair.GetAsync("/api/councils/lakeside/roles")).Expect(HttpStatusCode.OK);

        await (await clerk.Post("/api/councils/lakeside/roles/revoke", new { userId = chairId, role = "Chair", reason = "换届" })).Expect(HttpStatusCode.NoContent);

        await (await chair.GetAsync("/api/councils/lakeside/roles")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await clerk.GrantAsync("lakeside", chairId, "Chair")).Expect(HttpStatusCode.NoContent);
        await (await chair.GetAsync("/api/councils/lakeside/roles")).Expect(HttpStatusCode.OK);
    }

    private static async Task<HttpClient> SignedInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string login)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true,
        });
        client.DefaultRequestHeaders.Add("Origin", "https://localhost");
        (await client.Post("/api/account/sign-in", new { login, password = CouncilApp.DemoPassword })).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Once armed, holds the council grain's role grants, in the grain's own turn, until the test lets them go.</summary>
    private sealed class HeldCouncilWrites : IIncomingGrainCallFilter
    {
        public volatile bool Armed;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (Armed && context.InterfaceMethod?.Name == nameof(ICouncilGrain.GrantRoleAsync))
            {
                Entered.TrySetResult();
                await Release.Task;
            }
            await context.Invoke();
        }
    }
}
