using Deliberation.Runtime.EventLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.EventSourcing;
using Orleans.Runtime;
using Orleans.Storage;

namespace Deliberation.Runtime.Journaling;

public sealed class EventLogConsistencyOptions
{
    /// <summary>How long a read or write of the log may take before the callers waiting on it are told it failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Orleans' log-consistency provider over our <see cref="IEventLog"/>: each journaled grain's log is its event stream.
/// Grains opt in with <c>[LogConsistencyProvider(ProviderName = EventLogConsistency.ProviderName)]</c> and implement
/// <see cref="IEventLogJournal{TView, TEntry}"/>.
/// </summary>
public sealed class EventLogConsistency(IEventLog log, IOptions<EventLogConsistencyOptions> options) : ILogViewAdaptorFactory
{
    public const string ProviderName = "EventLog";

    public bool UsesStorageProvider => false;

    public ILogViewAdaptor<TView, TEntry> MakeLogViewAdaptor<TView, TEntry>(ILogViewAdaptorHost<TView, TEntry> hostGrain,
        TView initialState, string grainTypeName, IGrainStorage? grainStorage, ILogConsistencyProtocolServices services)
        where TView : class, new()
        where TEntry : class =>
        hostGrain is IEventLogJournal<TView, TEntry> journal
            ? new EventLogViewAdaptor<TView, TEntry>(hostGrain, journal, log, options.Value.Timeout)
            : throw new InvalidOperationException($"{grainTypeName} must implement {typeof(IEventLogJournal<TView, TEntry>).Name} to use the {ProviderName} provider.");
}

public static class EventLogConsistencyServiceCollectionExtensions
{
    /// <summary>Registers the provider under <see cref="EventLogConsistency.ProviderName"/> (and as the default one).</summary>
    public static IServiceCollection AddEventLogConsistency(this IServiceCollection services, Action<EventLogConsistencyOptions>? configure = null)
    {
        if (configure is not null) services.Configure(configure);
        services.AddKeyedSingleton<ILogViewAdaptorFactory>(EventLogConsistency.ProviderName,
            (sp, _) => ActivatorUtilities.CreateInstance<EventLogConsistency>(sp));
        services.TryAddSingleton(sp => sp.GetRequiredKeyedService<ILogViewAdaptorFactory>(EventLogConsistency.ProviderName));
        // Every log-consistent grain asks for this factory, though our adaptor needs none of what it offers.
        services.TryAddSingleton<Factory<IGrainContext, ILogConsistencyProtocolServices>>(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Deliberation.Runtime.Journaling");
            return context => new EventLogProtocolServices(context.GrainId, logger);
        });
        return services;
    }
}

internal sealed class EventLogProtocolServices(GrainId grainId, ILogger logger) : ILogConsistencyProtocolServices
{
    public GrainId GrainId => grainId;

    public string MyClusterId => "";

    public T DeepCopy<T>(T value) => throw new NotSupportedException("The event-log adaptor holds one view and never copies it.");

    public void ProtocolError(string msg, bool throwexception)
    {
        logger.LogError("Log-consistency protocol error in {Grain}: {Message}", grainId, msg);
        if (throwexception) throw new InvalidOperationException(msg);
    }

    public void CaughtException(string where, Exception e) => logger.LogError(e, "{Grain} failed in {Where}", grainId, where);

    public void CaughtUserCodeException(string callback, string where, Exception e) =>
        logger.LogWarning(e, "{Grain}: {Callback} threw in {Where}", grainId, callback, where);

    public void Log(LogLevel level, string format, params object[] args) =>
#pragma warning disable CA2254 // the protocol hands us its own format strings
        logger.Log(level, format, args);
#pragma warning restore CA2254
}
