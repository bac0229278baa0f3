using Orleans;

namespace Deliberation.Web.Grains;

/// <summary>
/// A grain whose state can fall due (a notice period's end; the ledger's deadlines to come): it keeps a reminder while
/// something is due, and its stream's due time is in the log's <c>dues</c> table (<c>AggregateGrain.DueOf</c>).
/// </summary>
public interface IFallsDue : IGrainWithStringKey
{
    /// <summary>
    /// Acts on what is due by now, and makes sure what is due later has its reminder: what a reminder tick does, for a
    /// grain found due without one (its state written before reminders existed, or its reminder row lost). Answers
    /// what is due next and the stream's version it was read at, for the log's <c>dues</c> table of an older database.
    /// </summary>
    Task<DueTimeKept> KeepDueTimeAsync();
}

/// <summary>
/// When a stream next falls due (null: nothing is due), as its aggregate said at <paramref name="Version"/>, and whether
/// the grain acted on something already due.
/// </summary>
public sealed record DueTimeKept(DateTimeOffset? DueAt, long Version, bool Acted);

/// <summary>
/// One kind of stream that falls due: its category, the reminder its grain keeps, and how to reach that grain from the
/// stream's key. Registered once per kind (<see cref="DueTimes.AddDueKind"/>), so the reconciler knows them all.
/// </summary>
public sealed record DueKind(string Category, string Reminder, Func<IGrainFactory, string, IFallsDue> Grain);
