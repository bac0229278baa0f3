using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Deliberation.Runtime.EventLog;

/// <summary>
/// What the event log tells operators, through System.Diagnostics (the web app exports it with OpenTelemetry): a
/// trace span, a duration and an event count for every flush.
/// </summary>
public static class EventLogTelemetry
{
    /// <summary>The ActivitySource's and the Meter's name.</summary>
    public const string Name = "Deliberation";
    public const string FlushDurationName = "deliberation.eventlog.flush.duration";
    public const string FlushEventsName = "deliberation.eventlog.flush.events";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> FlushDuration = Meter.CreateHistogram(FlushDurationName, "s",
        "How long one flush took, from opening its connection to its commit.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Histogram<long> FlushEvents = Meter.CreateHistogram<long>(FlushEventsName, "{event}",
        "How many events one committed flush wrote.",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500] });

    internal static Flush StartFlush(string provider, int requests) => new(provider, requests);

    /// <summary>One flush, measured until disposed; committed only if <see cref="Committed"/> was called.</summary>
    internal sealed class Flush : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly string _provider;
        private readonly Activity? _activity;
        private int _events = -1;

        public Flush(string provider, int requests)
        {
            _provider = provider;
            // A flush serves many callers' requests, and the writer loop may have inherited the first caller's context:
            // each flush is a trace of its own (this runs in the flush's own async method, so the caller's is untouched).
            Activity.Current = null;
            _activity = Source.StartActivity("eventlog.flush");
            _activity?.SetTag("db.system.name", provider).SetTag("deliberation.eventlog.requests", requests);
        }

        public void Committed(int events) => _events = events;

        public void Dispose()
        {
            var outcome = _events >= 0 ? "committed" : "failed";
            var tags = new TagList { { "db.system.name", _provider }, { "outcome", outcome } };
            FlushDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
            if (_events >= 0) FlushEvents.Record(_events, tags);
            if (_activity is null) return;
            _activity.SetTag("deliberation.eventlog.events", Math.Max(_events, 0));
            if (_events < 0) _activity.SetStatus(ActivityStatusCode.Error);
            _activity.Dispose();
        }
    }
}
