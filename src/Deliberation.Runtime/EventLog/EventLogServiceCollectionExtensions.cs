using Deliberation.Runtime.EventLog;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

public static class EventLogServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEventLog"/> as a singleton, created on first use and disposed (writer drained) with the
    /// container. Uses the registered <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/> when present.
    /// </summary>
    public static IServiceCollection AddEventLog(this IServiceCollection services, EventLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var copy = new EventLogOptions { Provider = options.Provider, ConnectionString = options.ConnectionString };
        services.AddSingleton<IEventLog>(sp =>
            EventLogFactory.Create(copy, sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        return services;
    }
}
