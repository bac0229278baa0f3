using System.Collections.Frozen;
using System.Text.Json;
using Deliberation.Runtime.EventLog;

namespace Deliberation.Web.Grains;

/// <summary>
/// Writes a domain event as (type name, JSON payload) for the event log and reads it back. The stored type name is
/// the record's name (<c>ItemAccepted</c>), so renaming an event record means adding its old name here, never rewriting history.
/// </summary>
public sealed class EventCodec<TEvent> where TEvent : class
{
    private readonly FrozenDictionary<string, Type> _byName;

    public EventCodec()
    {
        _byName = typeof(TEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(TEvent).IsAssignableFrom(t))
            .ToFrozenDictionary(t => t.Name);
    }

    public static EventCodec<TEvent> Instance { get; } = new();

    /// <summary>The request id, when there is one, rides in the payload (under the chain's hash) beside the event's own fields.</summary>
    public PendingEvent Encode(TEvent e, string actor, DateTimeOffset at, string? requestId = null)
    {
        if (requestId is null) return new(e.GetType().Name, actor, at, JsonSerializer.Serialize(e, e.GetType(), EventJson.Options));
        var payload = JsonSerializer.SerializeToNode(e, e.GetType(), EventJson.Options)!.AsObject();
        payload[RequestIdField] = requestId;
        return new(e.GetType().Name, actor, at, payload.ToJsonString(EventJson.Options));
    }

    public const string RequestIdField = "requestId";

    /// <summary>The request id a stored event carries, or null.</summary>
    public static string? RequestIdOf(EventEnvelope envelope)
    {
        // Most events carry none: skip the parse for them.
        if (!envelope.Payload.Contains("\"" + RequestIdField + "\"", StringComparison.Ordinal)) return null;
        using var document = JsonDocument.Parse(envelope.Payload);
        return document.RootElement.TryGetProperty(RequestIdField, out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }

    public TEvent Decode(EventEnvelope envelope) =>
        _byName.TryGetValue(envelope.EventType, out var type)
            ? (TEvent)(JsonSerializer.Deserialize(envelope.Payload, type, EventJson.Options)
                ?? throw new InvalidDataException($"Event {envelope.StreamId}#{envelope.Sequence} has an empty payload."))
            : throw new InvalidDataException($"Event {envelope.StreamId}#{envelope.Sequence} has unknown type '{envelope.EventType}'.");
}

/// <summary>The one JSON shape of the log's payloads and the catalogue's summaries: web casing, enums as names.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
