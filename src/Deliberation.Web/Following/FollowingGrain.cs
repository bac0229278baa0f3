using System.Text.Json;
using Deliberation.Domain;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Following;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Following;

public sealed class FollowingGrain(IEventLog log, TimeProvider clock) : AggregateGrain<FollowList, FollowEvent>(log), IFollowingGrain
{
    public const string Category = "following";

    protected override string StreamId => $"{Category}-{GrainKey}";

    protected override FollowList Rebuild(IReadOnlyList<FollowEvent> events) => FollowList.Replay(events);

    // The catalogue row lists the followed items, so "who follows this item" can later be answered without replaying.
    protected override StreamSummary Summarize(FollowList list, DateTimeOffset now) =>
        new(StreamId, Category, "", 0, JsonSerializer.Serialize(list.Items, EventJson.Options), now);

    public async Task<IReadOnlyList<FollowedItem>> FollowAsync(string councilId, string itemId, Actor by)
    {
        RequireOwner(by);
        if (!Identifiers.IsValid(itemId) || await GrainFactory.GetGrain<IAgendaItemGrain>(itemId).GetAsync(councilId, by) is null)
            throw new NotFound("There is no such item, or it has not been disclosed.");
        var list = Draft()!;
        await CommitAsync(list, list.Follow(councilId, itemId), by.UserId, clock.GetUtcNow());
        return list.Items;
    }

    public async Task<IReadOnlyList<FollowedItem>> UnfollowAsync(string councilId, string itemId, Actor by)
    {
        RequireOwner(by);
        var list = Draft()!;
        await CommitAsync(list, list.Unfollow(councilId, itemId), by.UserId, clock.GetUtcNow());
        return list.Items;
    }

    public Task<IReadOnlyList<FollowedItem>> GetAsync() => Task.FromResult(Current!.Items);

    private void RequireOwner(Actor by)
    {
        if (by.UserId != GrainKey) throw new NotPermitted("Only the person themself may change their list of followed items.");
    }
}
