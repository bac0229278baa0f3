using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// A clock the test moves by hand, so a seven-day notice period passes without waiting. Its own timers keep real time
/// (the app's timeouts and Orleans' maintenance); <see cref="Timers"/> is the same time for what must wake when it is
/// moved: the reminder service, when a test puts it on this clock.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public FakeTimeProvider Timers { get; } = new(start);

    public override DateTimeOffset GetUtcNow() => Timers.GetUtcNow();

    /// <summary>Moves the time on; a reminder on <see cref="Timers"/> that falls due meanwhile fires.</summary>
    public void Advance(TimeSpan by) => Timers.Advance(by);
}
