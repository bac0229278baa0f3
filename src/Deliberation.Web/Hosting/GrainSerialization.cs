using System.Text.Json;
using Orleans.Serialization;

namespace Deliberation.Web.Hosting;

/// <summary>
/// How what crosses a grain call is copied (and, in a cluster, sent): our own records, web contracts and domain alike,
/// as JSON in the shape the HTTP API uses. The domain stays free of Orleans attributes; exceptions keep Orleans' own
/// handling (a domain refusal reaches the endpoint as itself).
/// </summary>
public static class GrainSerialization
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static IServiceCollection AddGrainSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(IsOurs, Json));

    private static bool IsOurs(Type type) =>
        type.Namespace?.StartsWith("Deliberation.", StringComparison.Ordinal) == true && !typeof(Exception).IsAssignableFrom(type);
}
