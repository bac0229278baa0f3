using System.Collections;
using System.Reflection;
using Deliberation.Domain;

namespace Deliberation.Web.Errors;

/// <summary>
/// Every refusal text declared: the domain's catalogues (Ballots/BallotRefusals ...) and the web's own
/// (<see cref="WebRefusals"/>), found once by reflection over the static fields of the static classes named *Refusals.
/// </summary>
public static class RefusalCatalogue
{
    private static readonly Lazy<IReadOnlyList<RefusalText>> Declared = new(() =>
        new[] { typeof(RefusalText).Assembly, typeof(RefusalCatalogue).Assembly }
            // The catalogues are static classes named for what refuses (BallotRefusals, WebRefusals ...).
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: true, IsSealed: true, ContainsGenericParameters: false } && t.Name.EndsWith("Refusals", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(RefusalText) || typeof(IDictionary).IsAssignableFrom(f.FieldType)
                || f.FieldType.IsGenericType && f.FieldType.GetGenericArguments().Contains(typeof(RefusalText)))
            .SelectMany(f => f.GetValue(null) switch
            {
                RefusalText text => [text],
                IDictionary many => many.Values.OfType<RefusalText>(),
                _ => [],
            })
            .ToList());

    // A detail written by an endpoint as plain English (Results.Problem) is said in the person's language when it is
    // word for word a declared text without parts.
    private static readonly Lazy<IReadOnlyDictionary<string, RefusalText>> Plain = new(() => Declared.Value
        .Where(t => !t.English.Contains('{'))
        .GroupBy(t => t.English, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    public static IReadOnlyList<RefusalText> All => Declared.Value;

    /// <summary>The declared text that says exactly this, or null.</summary>
    public static RefusalText? Saying(string? english) =>
        english is not null && Plain.Value.TryGetValue(english, out var text) ? text : null;
}
