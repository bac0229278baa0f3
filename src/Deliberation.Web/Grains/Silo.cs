using Deliberation.Web.Hosting;
using Deliberation.Runtime.Journaling;
using Orleans.Configuration;

namespace Deliberation.Web.Grains;

/// <summary>
/// The Orleans silo co-hosted in the app, where every grain lives: one activation per key in the cluster, one call at
/// a time (votes interleave), idle activations collected. Embedded default: one silo with development clustering (its own primary), no gateway (the
/// app's own endpoints and pages are its only clients); with <c>Cluster:Provider</c> = <c>redis</c>, the app processes on
/// one database form one cluster (see <c>ClusterSettings</c>). Reminders and the like plug in here.
/// </summary>
public static class Silo
{
    public const string Section = "Silo";

    public static TBuilder UseDeliberationSilo<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Orleans and its resilience pipelines log every placement at Information; keep what needs attention.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning)
            // While a node is lost these say so once per request (a call that timed out, a message that found no silo);
            // UnavailableWarnings says it once per silo per interval instead. The membership's own warnings stay.
            .AddFilter("Orleans.Runtime.CallbackData", LogLevel.Critical)
            .AddFilter("Orleans.Messaging", LogLevel.Critical);
        builder.UseOrleans(silo =>
        {
            silo.UseDeliberationClustering(builder.Configuration);
            silo.Services.AddEventLogConsistency(options => builder.Configuration.GetSection($"{Section}:EventLog").Bind(options));
            silo.Services.AddGrainSerialization();
            // A grain call is a span of the request that made it (Orleans' sources, exported by Hosting/Telemetry.cs),
            // and its trace context crosses to the silo that holds the grain.
            silo.AddActivityPropagation();
            // Per-node caches (council roles, security stamps) are told of changes through this service on every silo.
            silo.AddGrainService<ChangeNoticeService>();
            silo.Services.AddSingleton<IChangeNotices, ChangeNotices>();
            silo.Configure<GrainCollectionOptions>(options => options.CollectionAge = TimeSpan.FromMinutes(10));
            // Due dates (a notice period's end) wake their grain from the reminders table beside the event log.
            silo.UseDeliberationReminders(sp => sp.GetRequiredService<StorageOptions>().ForEventLog());
            // Orleans keeps real time; the app's TimeProvider is the council's clock, which tests move by days.
            silo.Services.AddKeyedSingleton<TimeProvider>(KeyedService.AnyKey, TimeProvider.System);
        });
        return builder;
    }
}
