using Deliberation.Runtime.EventLog;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Deliberation.Web.Hosting;

/// <summary>
/// Traces and metrics through OpenTelemetry: requests (ASP.NET Core), grain calls (Orleans' own sources, once the
/// grains run on Orleans), event-log flushes and acknowledged votes (our "Deliberation" source and meter). Exported by
/// OTLP (with the logs) only when an endpoint is configured; otherwise nothing leaves the process, and traces are not
/// even recorded.
/// </summary>
public static class Telemetry
{
    public const string EndpointSetting = "OpenTelemetry:Endpoint";
    public const string ProtocolSetting = "OpenTelemetry:Protocol";

    /// <summary>Records traces without an OTLP endpoint, for an exporter added in code (tests); true or false.</summary>
    public const string TracesSetting = "OpenTelemetry:Traces";

    /// <summary>Orleans' ActivitySources for grain calls, and its meter.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
    private const string OrleansMeter = "Microsoft.Orleans";

    public static WebApplicationBuilder AddDeliberationTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Read here, not when services are built: exporters are chosen at registration. The standard variable works too.
        var endpoint = configuration[EndpointSetting];
        var standard = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 };
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "deliberation"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(EventLogTelemetry.Name, OrleansMeter));
        // Traces only when something takes them: recorded and dropped, a span per grain call was a few percent of what
        // each vote allocated in the hall (docs/performance.md).
        if (endpoint is { Length: > 0 } || standard || configuration.GetValue<bool>(TracesSetting))
            telemetry.WithTracing(tracing => tracing
                // Probes every few seconds would drown the traces that matter.
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments(Health.Path))
                .AddSource(EventLogTelemetry.Name)
                .AddSource(OrleansSources));
        if (endpoint is { Length: > 0 })
            telemetry.UseOtlpExporter(Protocol(configuration[ProtocolSetting]), new Uri(endpoint));
        else if (standard)
            telemetry.UseOtlpExporter();
        return builder;
    }

    private static OtlpExportProtocol Protocol(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
        var other => throw new InvalidOperationException($"{ProtocolSetting} is '{other}'; use grpc or http/protobuf."),
    };
}
