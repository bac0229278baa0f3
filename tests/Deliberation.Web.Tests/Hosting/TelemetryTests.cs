using System.Diagnostics;
using System.Net;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// Every app in this process reports to every listener of the same meter and sources, so these tests run alone
/// (their collection is not parallel), through the app's own OpenTelemetry set-up with an in-memory exporter added.
/// </summary>
[Collection(nameof(TelemetryTests))]
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTests : IDisposable
{
    private readonly TelemetryApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task CountsAnAcknowledgedVoteAndTimesTheFlushThatMadeItDurable()
    {
        var (_, ballot) = await _app.PartyMeetingVotingAsync();
        var member1 = await _app.SignedInAs("member1");
        _app.Flush();
        _app.Metrics.Clear();

        await (await member1.Post($"{ballot}/votes", new { choice = "For", clientVoteId = "m-1" })).Expect(HttpStatusCode.OK);
        _app.Flush();

        Assert.Equal(1, _app.Sum(DeliberationMetrics.VotesAcknowledgedName));
        Assert.True(_app.Count(EventLogTelemetry.FlushDurationName) >= 1);
        Assert.True(_app.HistogramSum(EventLogTelemetry.FlushEventsName) >= 1);
        Assert.True(_app.Count("http.server.request.duration") >= 1);
    }

    [Fact]
    public async Task TracesRequestsAndEventLogFlushesButNotHealthProbes()
    {
        var clerk = await _app.SignedInAs("clerk");
        await _app.Visitor().GetAsync("/healthz");
        _app.Flush();
        _app.Activities.Clear();

        await (await clerk.Post("/api/councils/lakeside/items/item-demo-lights/accept", new { note = "受理" })).Expect(HttpStatusCode.OK);
        await _app.Visitor().GetAsync("/healthz");
        _app.Flush();

        Assert.Contains(_app.Activities, a => a.Source.Name == "Microsoft.AspNetCore" && a.DisplayName.Contains("/accept", StringComparison.Ordinal));
        Assert.Contains(_app.Activities, a => a.Source.Name == EventLogTelemetry.Name && a.OperationName == "eventlog.flush");
        Assert.DoesNotContain(_app.Activities, a => a.Source.Name == "Microsoft.AspNetCore" && a.DisplayName.Contains("healthz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TracesTheGrainCallsOfARequestInsideItsTrace()
    {
        var clerk = await _app.SignedInAs("clerk");
        _app.Flush();
        _app.Activities.Clear();

        await (await clerk.Post("/api/councils/lakeside/items/item-demo-lights/accept", new { note = "受理" })).Expect(HttpStatusCode.OK);
        _app.Flush();

        var request = Assert.Single(_app.Activities, a => a.Source.Name == "Microsoft.AspNetCore" && a.DisplayName.Contains("/accept", StringComparison.Ordinal));
        var calls = _app.Activities.Where(a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && a.TraceId == request.TraceId).ToList();
        Assert.Contains(calls, a => a.DisplayName.Contains("AgendaItemGrain", StringComparison.Ordinal) || a.DisplayName.Contains("IAgendaItemGrain", StringComparison.Ordinal));
    }

    private sealed class TelemetryApp : CouncilApp
    {
        public List<Metric> Metrics { get; } = [];
        public List<Activity> Activities { get; } = [];

        public void Flush()
        {
            Services.GetRequiredService<MeterProvider>().ForceFlush();
            Services.GetRequiredService<TracerProvider>().ForceFlush();
        }

        public long Sum(string name) => Points(name).Sum(p => p.GetSumLong());
        public long Count(string name) => Points(name).Sum(p => p.GetHistogramCount());
        public double HistogramSum(string name) => Points(name).Sum(p => p.GetHistogramSum());

        private IEnumerable<MetricPoint> Points(string name)
        {
            foreach (var metric in Metrics.Where(m => m.Name == name))
                foreach (ref readonly var point in metric.GetMetricPoints())
                    yield return point;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(Telemetry.TracesSetting, "true");
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics,
                    reader => reader.TemporalityPreference = MetricReaderTemporalityPreference.Delta));
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Activities));
            });
        }
    }
}
