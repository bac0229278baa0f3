using Deliberation.Web.Grains;
using System.Text.Json;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.EventLog;
using Orleans;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Ballots;

/// <summary>A meeting's or an item's ballots, found through the stream catalogue, each read from its grain as this viewer may see it.</summary>
public static class BallotCatalogue
{
    public static Task<IReadOnlyList<BallotView>> ForMeetingAsync(IEventLog log, IGrainFactory grains, string councilId, string meetingId, Actor? viewer) =>
        ListAsync(log, grains, councilId, row => row.MeetingId == meetingId, viewer);

    public static Task<IReadOnlyList<BallotView>> ForItemAsync(IEventLog log, IGrainFactory grains, string councilId, string itemId, Actor? viewer) =>
        ListAsync(log, grains, councilId, row => row.ItemId == itemId, viewer);

    private static async Task<IReadOnlyList<BallotView>> ListAsync(IEventLog log, IGrainFactory grains, string councilId,
        Func<BallotSummary, bool> wanted, Actor? viewer)
    {
        var views = new List<BallotView>();
        foreach (var row in await log.ListStreamsAsync(BallotGrain.Category, councilId))
        {
            var ballot = JsonSerializer.Deserialize<BallotSummary>(row.Summary, EventJson.Options)!;
            if (!wanted(ballot)) continue;
            if (await grains.GetGrain<IBallotGrain>(ballot.Id).GetAsync(councilId, viewer) is { } view) views.Add(view);
        }
        return views;
    }
}
