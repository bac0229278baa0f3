using Deliberation.Web.Hosting;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.Projections;
using Orleans;

namespace Deliberation.Web.Ballots;

/// <summary>
/// A meeting's ballots, named by the meeting itself, or an item's, found through the ballot list projection; each read
/// from its grain as this viewer may see it.
/// </summary>
public static class BallotCatalogue
{
    public static Task<IReadOnlyList<BallotView>> ForItemAsync(ProjectionRunner readSide, IGrainFactory grains, string councilId, string itemId, Actor? viewer) =>
        ListAsync(readSide, grains, councilId, "item_id", itemId, viewer);

    /// <summary>The ballots the meeting holds, in the order it opened them; one it names that never opened is skipped.</summary>
    public static async Task<IReadOnlyList<BallotView>> ForMeetingAsync(IGrainFactory grains, string councilId, IReadOnlyList<string> ballotIds, Actor? viewer)
    {
        var views = await Task.WhenAll(ballotIds.Where(Identifiers.IsValid).Select(id => grains.GetGrain<IBallotGrain>(id).GetAsync(councilId, viewer)));
        return views.OfType<BallotView>().ToList();
    }

    private static async Task<IReadOnlyList<BallotView>> ListAsync(ProjectionRunner readSide, IGrainFactory grains, string councilId,
        string column, string value, Actor? viewer)
    {
        var ids = await readSide.QueryAsync(BallotListProjection.ProjectionName,
            $"SELECT ballot_id FROM ballot_list WHERE council_id = @council AND {column} = @value ORDER BY ballot_id",
            row => row.GetString(0), ("@council", councilId), ("@value", value));
        var views = new List<BallotView>();
        foreach (var id in ids)
            if (await grains.GetGrain<IBallotGrain>(id).GetAsync(councilId, viewer) is { } view) views.Add(view);
        return views;
    }
}
