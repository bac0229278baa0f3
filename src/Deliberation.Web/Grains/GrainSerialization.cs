using System.Text.Json;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;

namespace Deliberation.Web.Grains;

/// <summary>
/// What crosses a grain call. Our records (web contracts and the domain records they carry) are immutable by house
/// rule (positional, init-only, built afresh for every answer), so within the silo they are passed as they are, not
/// copied; other types of ours are copied as JSON. Sent between silos, all of ours go as JSON in the shape the HTTP API
/// uses. The domain stays free of Orleans attributes. A refusal (one of our exceptions) thrown on one silo reaches the
/// asking node's endpoint as itself, carried as <see cref="GrainRefusals"/> says; other exceptions keep Orleans' handling.
/// </summary>
public static class GrainSerialization
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(), new GrainRefusals() },
    };

    public static IServiceCollection AddGrainSerialization(this IServiceCollection services)
    {
        // Before the JSON copier: the first copier that takes a type is the one used.
        services.AddSingleton<IGeneralizedCopier, SharedRecords>();
        return services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSerializable: type => IsOurs(type) || GrainRefusals.Carries(type),
            isCopyable: type => IsOurs(type) && !SharedRecords.IsRecord(type), configureOptions:
            options => options.Configure(o => o.SerializerOptions = Json)));
    }

    private static bool IsOurs(Type type) =>
        type.Namespace?.StartsWith("Deliberation.", StringComparison.Ordinal) == true && !typeof(Exception).IsAssignableFrom(type);

    private sealed class SharedRecords : IGeneralizedCopier
    {
        // The compiler gives every record a clone method of this name.
        public static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

        public bool IsSupportedType(Type type) => IsOurs(type) && IsRecord(type);

        public object? DeepCopy(object? input, CopyContext context) => input;
    }
}
