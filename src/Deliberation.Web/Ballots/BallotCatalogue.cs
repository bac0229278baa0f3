using Deliberation.Web.Grains;
using System.Text.Json;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.EventLog;
using Orleans;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Ballots;

/// <summary>
/// A meeting's ballots, named by the meeting itself, or an item's, found through the stream catalogue; each read from
/// its grain as this viewer may see it.
/// </summary>
public static class BallotCatalogue
{
    private sealed record BallotRow(string Id, string MeetingId, string ItemId, string Status);

    /// <summary>The ballots the meeting holds, in the order it opened them; one it names that never opened is skipped.</summary>
    public static async Task<IReadOnlyList<BallotView>> ForMeetingAsync(IGrainFactory grains, string councilId, IReadOnlyList<string> ballotIds, Actor? viewer)
    {
        var views = await Task.WhenAll(ballotIds.Where(Identifiers.IsValid).Select(id => grains.GetGrain<IBallotGrain>(id).GetAsync(councilId, viewer)));
        return views.OfType<BallotView>().ToList();
    }

    public static Task<IReadOnlyList<BallotView>> ForItemAsync(IEventLog log, IGrainFactory grains, string councilId, string itemId, Actor? viewer) =>
        ListAsync(log, grains, councilId, row => row.ItemId == itemId, viewer);

    private static async Task<IReadOnlyList<BallotView>> ListAsync(IEventLog log, IGrainFactory grains, string councilId,
        Func<BallotRow, bool> wanted, Actor? viewer)
    {
        var views = new List<BallotView>();
        foreach (var row in await log.ListStreamsAsync(BallotGrain.Category, councilId))
        {
            var ballot = JsonSerializer.Deserialize<BallotRow>(row.Summary, EventJson.Options)!;
            if (!wanted(ballot)) continue;
            if (await grains.GetGrain<IBallotGrain>(ballot.Id).GetAsync(councilId, viewer) is { } view) views.Add(view);
        }
        return views;
    }
}
