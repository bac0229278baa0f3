using Deliberation.Web.Grains;
using Deliberation.Domain;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Following;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Following;

public sealed class FollowingGrain(TimeProvider clock) : AggregateGrain<FollowList, FollowEvent>(Category), IFollowingGrain
{
    public const string Category = "following";

    protected override FollowList Fold(FollowList? list, FollowEvent e)
    {
        list ??= FollowList.Empty();
        list.Apply(e);
        return list;
    }

    protected override string ScopeOf(FollowList list) => "";

    // The catalogue row lists the followed items, so "who follows this item" can later be answered without replaying.
    protected override object SummaryOf(FollowList list, DateTimeOffset at) => list.Items;

    public async Task<IReadOnlyList<FollowedItem>> FollowAsync(string councilId, string itemId, Actor by)
    {
        RequireOwner(by);
        if (!Identifiers.IsValid(itemId) || await GrainFactory.GetGrain<IAgendaItemGrain>(itemId).GetAsync(councilId, by) is null)
            throw new NotFound("There is no such item, or it has not been disclosed.");
        var list = Current ?? FollowList.Empty();
        var events = list.Follow(councilId, itemId);
        if (Current is null) await CommitNewAsync(list, events, by.UserId, clock.GetUtcNow());
        else await CommitAsync(events, by.UserId, clock.GetUtcNow());
        return list.Items.ToList();
    }

    public async Task<IReadOnlyList<FollowedItem>> UnfollowAsync(string councilId, string itemId, Actor by)
    {
        RequireOwner(by);
        if (Current is not { } list) return [];
        await CommitAsync(list.Unfollow(councilId, itemId), by.UserId, clock.GetUtcNow());
        return list.Items.ToList();
    }

    public Task<IReadOnlyList<FollowedItem>> GetAsync() => Task.FromResult<IReadOnlyList<FollowedItem>>(Current?.Items.ToList() ?? []);

    private void RequireOwner(Actor by)
    {
        if (by.UserId != Key) throw new NotPermitted("Only the person themself may change their list of followed items.");
    }
}
