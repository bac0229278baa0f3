using Deliberation.Runtime.EventLog;
using Orleans;
using Deliberation.Web.Demo;
using Deliberation.Web.Process;

namespace Deliberation.Web.Hosting;

/// <summary>
/// Before the app takes requests: the accounts schema, the built-in process templates and, on an empty database,
/// the demo council. Each step is idempotent, and several processes may start at once: on PostgreSQL they seed one
/// at a time under an advisory lock, and the later ones find it done.
/// </summary>
public sealed class StartupWork(IServiceScopeFactory scopes, StorageOptions storage, IConfiguration configuration,
    IGrainFactory grains, ILogger<StartupWork> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await DatabaseSchema.EnsureAsync(scope.ServiceProvider.GetRequiredService<DeliberationDb>(), storage, cancellationToken);
        async Task SeedAsync()
        {
            await OnceAsync("built-in templates", () => BuiltInTemplates.PublishMissingAsync(grains));
            if (configuration.GetValue("Demo:Seed", true))
                await OnceAsync("demo council", () => scope.ServiceProvider.GetRequiredService<DemoCouncil>().SeedIfEmptyAsync(cancellationToken));
        }
        // Each step checks, then writes; on a shared database processes started at once take turns, so the second
        // finds the first one's templates and council instead of founding them again (one SQLite file has one process).
        if (storage.IsPostgres) await PostgresLocks.WhileSeedingAsync(storage.ConnectionString, SeedAsync, cancellationToken);
        else await SeedAsync();
    }

    private async Task OnceAsync(string what, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (StreamConcurrencyException raced)
        {
            logger.LogInformation("Another process is writing the {What} ({Stream}); leaving it to that one", what, raced.StreamId);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException raced)
        {
            logger.LogInformation(raced, "Another process is creating the {What}'s accounts; leaving it to that one", what);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
