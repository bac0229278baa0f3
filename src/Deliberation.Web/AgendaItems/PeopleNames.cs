using Deliberation.Web.Councils;
using Deliberation.Web.Localization;

namespace Deliberation.Web.AgendaItems;

/// <summary>
/// Names in an item's history. The view already stands <see cref="ResidentPrivacy.Resident"/> in for residents'
/// accounts where the viewer may not know them; everyone else is named by the name they hold their role under.
/// </summary>
public sealed class PeopleNames(IReadOnlyList<RoleHolderView> holders, UiText text)
{
    public static readonly PeopleNames Empty = new([], new UiText());

    private readonly Dictionary<string, string> _names = holders
        .GroupBy(h => h.UserId)
        .ToDictionary(g => g.Key, g => g.First().DisplayName);

    public string NameOf(string userId) =>
        userId != ResidentPrivacy.Resident && _names.TryGetValue(userId, out var name) ? name
            : userId == "system" ? text["people.system"] : text["people.resident"];
}
