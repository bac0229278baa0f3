using System.Collections.Concurrent;

namespace Deliberation.Web.Hosting;

/// <summary>
/// While a node is lost, every request that needed it fails the same way; the log says so once per source (a silo, or
/// the database) per interval, with how many requests it answered 503 since, not once per request with a stack trace.
/// </summary>
public sealed partial class UnavailableWarnings(ILogger<UnavailableWarnings> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Window> _windows = new();

    public void Saw(Exception exception)
    {
        var unreachable = Unavailable.Find(exception) ?? exception;
        var source = Unavailable.SourceOf(unreachable);
        // Real time, not the council's clock (which tests move by days).
        var now = TimeProvider.System.GetUtcNow();
        var window = _windows.GetOrAdd(source, _ => new Window());
        long suppressed;
        lock (window)
        {
            if (window.Since is { } since && now - since < Interval)
            {
                window.Suppressed++;
                return;
            }
            suppressed = window.Suppressed;
            (window.Since, window.Suppressed) = (now, 0);
        }
        LogUnreachable(logger, source, unreachable.GetType().Name, unreachable.Message, suppressed, Interval.TotalSeconds);
    }

    private sealed class Window
    {
        public DateTimeOffset? Since;
        public long Suppressed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreachable: {Source} ({Kind}: {Reason}); answered 503 / resend-same-id. " +
        "{Suppressed} more such failures in the last interval; at most one warning per {Seconds} s per source.")]
    private static partial void LogUnreachable(ILogger logger, string source, string kind, string reason, long suppressed, double seconds);
}
