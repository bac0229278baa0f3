using Deliberation.Domain.Councils;
using Deliberation.Web.Councils;
using Deliberation.Web.Localization;

namespace Deliberation.Web.AgendaItems;

/// <summary>
/// Names in a public history: people who act for the council are named; residents are not, since a public page
/// should not tell the village who objected or how they rated.
/// </summary>
public sealed class PeopleNames(IReadOnlyList<RoleHolderView> holders, UiText text)
{
    public static readonly PeopleNames Empty = new([], new UiText());

    private readonly Dictionary<string, string> _names = holders
        .GroupBy(h => h.UserId)
        .Where(g => g.Any(h => h.Role is not (CouncilRole.Resident or CouncilRole.Member)))
        .ToDictionary(g => g.Key, g => g.First().DisplayName);

    public string NameOf(string userId) =>
        _names.TryGetValue(userId, out var name) ? name : userId == "system" ? text["people.system"] : text["people.resident"];
}
