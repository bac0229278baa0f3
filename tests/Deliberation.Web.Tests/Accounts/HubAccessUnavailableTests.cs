using System.Security.Claims;
using Deliberation.Runtime.Journaling;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace Deliberation.Web.Tests.Accounts;

/// <summary>
/// A hub call that meets a lost node or a silent database fails with a stable code that tells the phone to resend the
/// same vote (same client vote id), not with SignalR's generic "an unexpected error occurred". The hard-kill test
/// (HardKillTests) meets the same over HTTP with a real node killed.
/// </summary>
public sealed class HubAccessUnavailableTests
{
    public static TheoryData<Exception> Unreachable() => new()
    {
        new SiloUnavailableException("Silo unavailable"),
        new Orleans.Runtime.Messaging.ConnectionFailedException("Unable to connect to S127.0.0.1:11111:1"),
        new TimeoutException("Response did not arrive on time"),
        new InvalidOperationException("A transient failure", new Npgsql.NpgsqlException("too many clients", new System.IO.IOException())),
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public async Task AnUnreachableGrainOrDatabaseAnswersTheResendCode(Exception unreachable)
    {
        var access = new HubAccess(null!, new UnavailableWarnings(NullLogger<UnavailableWarnings>.Instance), NullLogger<HubAccess>.Instance);

        var refused = await Assert.ThrowsAsync<HubException>(async () => await access.InvokeMethodAsync(Invocation(), _ => throw unreachable));

        Assert.StartsWith($"{Unavailable.HubCode}: ", refused.Message);
        Assert.Contains("same id", refused.Message);
    }

    [Fact]
    public async Task AnUnexpectedFailureStaysUnexpected()
    {
        var access = new HubAccess(null!, new UnavailableWarnings(NullLogger<UnavailableWarnings>.Instance), NullLogger<HubAccess>.Instance);

        await Assert.ThrowsAsync<NullReferenceException>(async () => await access.InvokeMethodAsync(Invocation(), _ => throw new NullReferenceException()));
    }

    private static HubInvocationContext Invocation() =>
        new(new Caller(), new EmptyServices(), new PublicHub(), typeof(PublicHub).GetMethod(nameof(PublicHub.Look))!, []);

    private sealed class PublicHub : Hub
    {
        [Access(Audience.Public)]
        public Task Look() => Task.CompletedTask;
    }

    private sealed class Caller : HubCallerContext
    {
        public override string ConnectionId => "connection";
        public override string? UserIdentifier => null;
        public override ClaimsPrincipal? User => new(new ClaimsIdentity());
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
