using Deliberation.Web.Errors;
using Deliberation.Web.Grains;
using Deliberation.Domain;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Following;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Following;

public sealed class FollowingGrain(TimeProvider clock)
    : PersonalGrain<FollowList, FollowEvent>(Category, FollowList.Empty, (list, e) => list.Apply(e), clock), IFollowingGrain
{
    public const string Category = "following";
    private static readonly Domain.RefusalText OwnerOnly = WebRefusals.FollowOwnList;

    // The catalogue row lists the followed items, so "who follows this item" can later be answered without replaying.
    protected override object SummaryOf(FollowList list, DateTimeOffset at) => list.Items;

    public async Task<IReadOnlyList<FollowedItem>> FollowAsync(string councilId, string itemId, Actor by)
    {
        RequireOwner(by, OwnerOnly);
        if (!Identifiers.IsValid(itemId) || await GrainFactory.GetGrain<IAgendaItemGrain>(itemId).GetAsync(councilId, by) is null)
            throw new NotFound(WebRefusals.ItemNotDisclosed);
        return (await ChangeAsync(by, list => list.Follow(councilId, itemId))).Items.ToList();
    }

    public async Task<IReadOnlyList<FollowedItem>> UnfollowAsync(string councilId, string itemId, Actor by)
    {
        RequireOwner(by, OwnerOnly);
        if (Current is null) return [];
        return (await ChangeAsync(by, list => list.Unfollow(councilId, itemId))).Items.ToList();
    }

    public Task<IReadOnlyList<FollowedItem>> GetAsync() => Task.FromResult<IReadOnlyList<FollowedItem>>(Current?.Items.ToList() ?? []);
}
