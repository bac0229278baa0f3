using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Deliberation.Runtime.EventLog;

/// <summary>
/// The hash chain. Hash = lowercase hex SHA-256 of the UTF-8 bytes of the canonical string
/// <c>len:value</c> for each of (previous hash, stream id, sequence, event type, actor, occurred-at, payload), where
/// len is the value's UTF-8 byte count in decimal and occurred-at is UTC ISO-8601 with 6 fractional digits
/// (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>).
/// </summary>
public static class EventHasher
{
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Times are stored as UTC truncated to whole microseconds, so both databases round-trip them exactly.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset time)
    {
        var utc = time.UtcTicks;
        return new DateTimeOffset(utc - utc % 10, TimeSpan.Zero);
    }

    public static string FormatTime(DateTimeOffset time) =>
        Normalize(time).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Compute(string previousHash, string streamId, long sequence, string eventType, string actor,
        DateTimeOffset occurredAt, string payload)
    {
        var builder = new StringBuilder(payload.Length + 256);
        Field(builder, previousHash);
        Field(builder, streamId);
        Field(builder, sequence.ToString(CultureInfo.InvariantCulture));
        Field(builder, eventType);
        Field(builder, actor);
        Field(builder, FormatTime(occurredAt));
        Field(builder, payload);
        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static string Compute(EventEnvelope e) =>
        Compute(e.PreviousHash, e.StreamId, e.Sequence, e.EventType, e.Actor, e.OccurredAt, e.Payload);

    private static void Field(StringBuilder builder, string value) =>
        builder.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
}
