using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Deliberation.Domain;
using Deliberation.Domain.Process;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Serialization;

namespace Deliberation.Web.Tests.Grains;

/// <summary>
/// Everything that crosses a grain call between silos, found by reflection so that a new contract or refusal cannot
/// be missed: it goes through the cross-silo codec and comes back as it was; refusals come back as themselves.
/// </summary>
public sealed class GrainContractsTests
{
    private static readonly Assembly[] Ours =
        [typeof(NotPermitted).Assembly, typeof(IEventLog).Assembly, typeof(Refusals).Assembly];

    private static readonly JsonSerializerOptions Compare = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly Serializer Codec =
        new ServiceCollection().AddGrainSerialization().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly MethodInfo Serialize = typeof(GrainContractsTests).GetMethod(nameof(SerializeAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo Deserialize = typeof(GrainContractsTests).GetMethod(nameof(DeserializeAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static TheoryData<string> RefusalTypes() => new(Refusals.Types.Select(t => t.FullName!));

    public static TheoryData<string> ContractTypes() => new(Contracts().Select(t => t.FullName!).Order());

    [Fact]
    public void EveryExceptionOfOursIsARefusalInTheOneList()
    {
        var ours = Ours.SelectMany(a => a.GetExportedTypes())
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract).ToList();

        Assert.NotEmpty(ours);
        Assert.All(ours, t => Assert.True(Refusals.Carries(t), $"{t.FullName} is not in Refusals: it would cross silos as a 500."));
    }

    [Theory]
    [MemberData(nameof(RefusalTypes))]
    public void ARefusalCrossesBetweenSilosAsItself(string typeName)
    {
        var kind = Refusals.KindOf(Refusals.Types.Single(t => t.FullName == typeName));
        var sent = kind.Rebuild(new Refusals.Wire("Refused for a reason.", Allowed: [Deliberation.Domain.AgendaItems.ItemAction.Accept],
            StreamId: "agenda-item-x", Expected: 3, Actual: 4, Field: "title", Problem: TextProblem.TooLong, MaxLength: 200, Length: 201));

        var received = RoundTrip<object>(sent);

        Assert.IsType(kind.Type, received);
        var exception = (Exception)received!;
        Assert.Equal(sent.Message, exception.Message);
        Assert.Equal(Json(Refusals.WireOf(sent)), Json(Refusals.WireOf(exception)));
        Assert.Same(kind, Refusals.Find(exception));
    }

    [Fact]
    public void ATooLongTitleCrossesAsATextRuleViolationAnsweredWith400()
    {
        var received = RoundTrip<object>(new TextRuleViolation("title", TextProblem.TooLong, 200, 260));

        var text = Assert.IsType<TextRuleViolation>(received);
        Assert.Equal((TextProblem.TooLong, 200, 260), (text.Problem, text.MaxLength, text.Length));
        Assert.Equal(400, Refusals.Find(text)!.Status);
    }

    [Fact]
    public void GrainInterfacesAreFoundWithTheirContracts()
    {
        var contracts = Contracts();

        Assert.Contains(typeof(Deliberation.Web.AgendaItems.SubmitItem), contracts);
        Assert.Contains(typeof(Deliberation.Web.AgendaItems.RaiseObjection), contracts); // a concrete command of an abstract parameter
        Assert.Contains(typeof(ProcessStep), contracts); // reached through a property of a return value
        Assert.Contains(typeof(StepKind), contracts);
    }

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void AContractCrossesBetweenSilosUnchanged(string typeName)
    {
        var type = Contracts().Single(t => t.FullName == typeName);
        var sent = Sample(type, 0)!;

        // As a grain call sends it: under its declared type.
        var bytes = (byte[])Serialize.MakeGenericMethod(type).Invoke(null, [sent])!;
        var received = Deserialize.MakeGenericMethod(type).Invoke(null, [bytes]);

        Assert.IsType(type, received);
        Assert.Equal(Json(sent), Json(received));
        // Enums cross by name, as in the API, so a renumbered enum cannot change what a silo means.
        foreach (var property in type.GetProperties().Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).IsEnum))
            Assert.Contains($"\"{property.GetValue(sent)}\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void NoGrainCallCarriesABareEnum()
    {
        // Orleans writes an enum that is not inside one of our records as its number (its built-in codec takes
        // precedence over ours), so a renumbered enum would change what another silo reads. Inside a record it crosses
        // by name, as in the API: wrap it.
        var bare = typeof(Refusals).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && IsOurs(t))
            .SelectMany(grain => grain.GetMethods().SelectMany(method =>
                method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType)
                    .Where(CarriesBareEnum).Select(type => $"{grain.Name}.{method.Name}: {type.Name}")))
            .ToList();

        Assert.Empty(bare);
    }

    private static bool CarriesBareEnum(Type type)
    {
        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum) return true;
        if (type.IsArray) return CarriesBareEnum(type.GetElementType()!);
        // Our records carry their enums by name; generic wrappers (Task, lists, dictionaries) pass theirs on bare.
        return type.IsGenericType && !IsOurs(type) && type.GetGenericArguments().Any(CarriesBareEnum);
    }

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void AContractIsImmutable(string typeName)
    {
        var type = Contracts().Single(t => t.FullName == typeName);
        if (type.IsEnum) return;

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.SetMethod;
            var initOnly = setter?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) == true;
            Assert.False(setter is { IsPublic: true } && !initOnly, $"{type.Name}.{property.Name} can be set after it is made.");
            Assert.False(IsMutableCollection(property.PropertyType), $"{type.Name}.{property.Name} is a {property.PropertyType.Name}, which its holder can change.");
        }
    }

    [Fact]
    public void AProcessTemplateHandsOutStepsNobodyCanChange()
    {
        var template = ProcessTemplateCatalog.BuiltIn[0];
        var fromJson = ProcessTemplate.FromJson(template.ToJson());

        Assert.False(fromJson.Steps is IList { IsReadOnly: false });
        Assert.False((template with { Steps = [.. template.Steps] }).Steps is IList { IsReadOnly: false });
    }

    /// <summary>Every type of ours a grain method takes or answers, and what those hold, recursively.</summary>
    private static IReadOnlyList<Type> Contracts()
    {
        var found = new HashSet<Type>();
        var grains = typeof(Refusals).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && IsOurs(t));
        foreach (var grain in grains)
            foreach (var method in grain.GetMethods())
            {
                Visit(method.ReturnType, found);
                foreach (var parameter in method.GetParameters()) Visit(parameter.ParameterType, found);
            }
        return found.Where(t => !t.IsAbstract && !t.IsInterface).ToList();
    }

    private static void Visit(Type type, HashSet<Type> found)
    {
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments()) Visit(argument, found);
        if (type.IsArray) Visit(type.GetElementType()!, found);
        if (!IsOurs(type) || typeof(IAddressable).IsAssignableFrom(type) || typeof(Exception).IsAssignableFrom(type) || !found.Add(type)) return;
        if (type.IsAbstract)
            foreach (var concrete in type.Assembly.GetTypes().Where(t => !t.IsAbstract && type.IsAssignableFrom(t))) Visit(concrete, found);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)) Visit(property.PropertyType, found);
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Deliberation.", StringComparison.Ordinal) == true;

    private static bool IsMutableCollection(Type type) =>
        type.IsArray || (type.IsGenericType && type.GetGenericTypeDefinition() is var g &&
            (g == typeof(List<>) || g == typeof(Dictionary<,>) || g == typeof(HashSet<>) || g == typeof(IList<>)
             || g == typeof(ICollection<>) || g == typeof(IDictionary<,>) || g == typeof(ISet<>)));

    /// <summary>A value of the type with every field filled, so that a field the codec drops shows.</summary>
    private static object? Sample(Type type, int depth)
    {
        if (depth > 8) return null;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return Sample(underlying, depth);
        if (type == typeof(string)) return "湖边 x-1";
        if (type == typeof(int)) return 3;
        if (type == typeof(long)) return 4L;
        if (type == typeof(decimal)) return 2.5m;
        if (type == typeof(double)) return 1.5d;
        if (type == typeof(bool)) return true;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(8));
        if (type == typeof(DateTime)) return new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        if (type == typeof(DateOnly)) return new DateOnly(2026, 1, 2);
        if (type == typeof(TimeSpan)) return TimeSpan.FromMinutes(90);
        if (type == typeof(JsonElement)) return JsonDocument.Parse("""{"note":"灯"}""").RootElement;
        if (type == typeof(Guid)) return new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        if (type.IsEnum) return Enum.GetValues(type).Cast<object>().Last();
        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, 1);
            array.SetValue(Sample(type.GetElementType()!, depth + 1), 0);
            return array;
        }
        if (type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Sample(element, depth + 1));
            return list;
        }
        if (type.IsGenericType && type.GetGenericArguments() is [var key, var value] && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(key, value))!;
            map.Add(Sample(key, depth + 1)!, Sample(value, depth + 1));
            return map;
        }
        if (type.IsAbstract)
            return Sample(type.Assembly.GetTypes().First(t => !t.IsAbstract && type.IsAssignableFrom(t)), depth);
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => Sample(p.ParameterType, depth + 1)).ToArray());
    }

    private static byte[] SerializeAs<T>(T value) => Codec.SerializeToArray(value);

    private static object? DeserializeAs<T>(byte[] bytes) => Codec.Deserialize<T>(bytes);

    private static T? RoundTrip<T>(T value) => Codec.Deserialize<T>(Codec.SerializeToArray(value));

    private static string Json(object? value) => JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Compare);
}
