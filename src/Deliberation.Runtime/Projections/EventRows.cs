using System.Data.Common;
using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Projections;

/// <summary>Reading <c>events</c> rows as envelopes, for the projections' tail and their stream reads.</summary>
internal static class EventRows
{
    public const string Columns = "stream_id, sequence, event_type, actor, occurred_at, payload, previous_hash, hash";

    public static EventEnvelope Read(DbDataReader reader, SqlDialect dialect, int offset) => new(
        reader.GetString(offset),
        reader.GetInt64(offset + 1),
        reader.GetString(offset + 2),
        reader.GetString(offset + 3),
        dialect.ReadTime(reader, offset + 4),
        reader.GetString(offset + 5),
        reader.GetString(offset + 6),
        reader.GetString(offset + 7));
}
