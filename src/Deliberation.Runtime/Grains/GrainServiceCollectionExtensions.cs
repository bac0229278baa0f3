using Deliberation.Runtime.Grains;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrainServiceCollectionExtensions
{
    /// <summary>The in-process grain host: <see cref="IGrainFactory"/>, <see cref="IGrainHost"/> and the idle collector.</summary>
    public static IServiceCollection AddGrains(this IServiceCollection services, Action<GrainHostOptions>? configure = null)
    {
        services.AddOptions<GrainHostOptions>().Configure(options => configure?.Invoke(options));
        services.AddSingleton<GrainRegistry>();
        services.AddSingleton<InProcessGrainHost>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<InProcessGrainHost>());
        services.AddSingleton<IGrainHost>(sp => sp.GetRequiredService<InProcessGrainHost>());
        services.AddHostedService<GrainCollector>();
        services.TryAddTimeProvider();
        return services;
    }

    public static IServiceCollection AddGrain<TInterface, TGrain>(this IServiceCollection services)
        where TInterface : IGrainWithStringKey
        where TGrain : Grain, TInterface
    {
        services.AddSingleton(new GrainRegistration(typeof(TInterface), typeof(TGrain)));
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
