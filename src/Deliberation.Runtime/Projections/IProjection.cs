using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Projections;

/// <summary>An event with its place in the whole log: positions only grow, in the order the events were committed.</summary>
public sealed record LoggedEvent(long Position, EventEnvelope Event);

/// <summary>
/// A read model built from the event log: tables of its own, filled by applying the log's events in order. The runner
/// hands it each batch inside the transaction that also moves its checkpoint, so each event is applied once.
/// </summary>
public interface IProjection
{
    /// <summary>Its name: the key of its checkpoint and of the rebuild command.</summary>
    string Name { get; }

    /// <summary>Statements creating its tables and indexes, idempotently (portable SQL: TEXT and BIGINT columns).</summary>
    IReadOnlyList<string> Schema { get; }

    /// <summary>Its tables, emptied when it is rebuilt from zero.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>Applies a batch of events, in log order, through <paramref name="context"/>'s transaction.</summary>
    Task ApplyAsync(IReadOnlyList<LoggedEvent> events, ProjectionContext context, CancellationToken ct);

    /// <summary>Forgets anything held in memory: the transaction it worked for was rolled back, or a rebuild starts.</summary>
    void Forget();
}
