using Deliberation.Runtime.Grains;
using Deliberation.Web.Demo;
using Deliberation.Web.Process;

namespace Deliberation.Web.Hosting;

/// <summary>
/// Before the app takes requests: the accounts schema, the built-in process templates and, on an empty database,
/// the demo council. Each step is idempotent, so several processes may start at once.
/// </summary>
public sealed class StartupWork(IServiceScopeFactory scopes, StorageOptions storage, IConfiguration configuration, IGrainFactory grains) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await DatabaseSchema.EnsureAsync(scope.ServiceProvider.GetRequiredService<DeliberationDb>(), storage, cancellationToken);
        await BuiltInTemplates.PublishMissingAsync(grains);
        if (configuration.GetValue("Demo:Seed", true))
            await scope.ServiceProvider.GetRequiredService<DemoCouncil>().SeedIfEmptyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
