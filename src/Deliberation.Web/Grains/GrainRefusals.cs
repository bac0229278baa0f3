using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deliberation.Web.Grains;

/// <summary>
/// Our refusals as they cross from the silo that threw them to the node that asked: its message and what the answer
/// needs (the allowed actions of a process refusal, the parts of a text refusal), so that a refusal is answered the
/// same whichever node holds the grain. The kinds that cross are exactly <see cref="Refusals"/>; other exceptions keep
/// Orleans' handling (a fault, answered 500).
/// </summary>
public sealed class GrainRefusals : JsonConverterFactory
{
    public static bool Carries(Type type) => Refusals.Carries(type);

    public override bool CanConvert(Type typeToConvert) => Carries(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : Exception
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (T)Refusals.KindOf(typeof(T)).Rebuild(JsonSerializer.Deserialize<Refusals.Wire>(ref reader, options)
                ?? throw new JsonException("No refusal."));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, Refusals.WireOf(value), options);
    }
}
