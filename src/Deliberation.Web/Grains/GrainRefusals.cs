using Deliberation.Web.Hosting;
using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Meetings;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Journaling;

namespace Deliberation.Web.Grains;

/// <summary>
/// Our exceptions as they cross from the silo that threw them to the node that asked: its message and what the answer
/// needs (the allowed actions of a process refusal), so that a refusal is answered the same whichever node holds the
/// grain. Only the kinds listed here cross; Orleans has no codec for others of ours, and <see cref="DomainErrors"/>
/// answers none besides these.
/// </summary>
public sealed class GrainRefusals : JsonConverterFactory
{
    private static readonly Dictionary<Type, Func<Refusal, Exception>> Rebuild = new()
    {
        [typeof(NotPermitted)] = r => new NotPermitted(r.Message),
        [typeof(NotFound)] = r => new NotFound(r.Message),
        [typeof(BallotRuleViolation)] = r => new BallotRuleViolation(r.Message),
        [typeof(MeetingRuleViolation)] = r => new MeetingRuleViolation(r.Message),
        [typeof(Deliberation.Domain.Escalations.EscalationRuleViolation)] = r => new Deliberation.Domain.Escalations.EscalationRuleViolation(r.Message),
        [typeof(Deliberation.Domain.Requests.SmallRequestRuleViolation)] = r => new Deliberation.Domain.Requests.SmallRequestRuleViolation(r.Message),
        [typeof(ProcessRuleViolation)] = r => new ProcessRuleViolation(r.Message, r.Allowed ?? []),
        [typeof(StorageUnavailableException)] = r => new StorageUnavailableException(r.Message),
        [typeof(StreamConcurrencyException)] = r => new StreamConcurrencyException(r.StreamId ?? "", r.Expected ?? 0, r.Actual ?? 0),
    };

    public static bool Carries(Type type) => Rebuild.ContainsKey(type);

    public override bool CanConvert(Type typeToConvert) => Carries(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    /// <summary>What is sent; the fields past the message only for the kinds that have them.</summary>
    public sealed record Refusal(string Message, IReadOnlyList<ItemAction>? Allowed = null, string? StreamId = null, long? Expected = null, long? Actual = null);

    private sealed class Converter<T> : JsonConverter<T> where T : Exception
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (T)Rebuild[typeof(T)](JsonSerializer.Deserialize<Refusal>(ref reader, options) ?? throw new JsonException("No refusal."));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value switch
            {
                ProcessRuleViolation process => new Refusal(process.Message, process.AllowedActions),
                StreamConcurrencyException stream => new Refusal(stream.Message, StreamId: stream.StreamId, Expected: stream.Expected, Actual: stream.Actual),
                _ => new Refusal(value.Message),
            }, options);
    }
}
