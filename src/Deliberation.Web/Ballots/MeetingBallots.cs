using System.Text.Json;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Grains;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Ballots;

/// <summary>A meeting's ballots, found through the stream catalogue and each read from its grain as this viewer may see it.</summary>
public static class MeetingBallots
{
    private sealed record BallotRow(string Id, string MeetingId, string ItemId, string Status);

    public static async Task<IReadOnlyList<BallotView>> ListAsync(IEventLog log, IGrainFactory grains, string councilId, string meetingId, Actor? viewer)
    {
        var views = new List<BallotView>();
        foreach (var row in await log.ListStreamsAsync(BallotGrain.Category, councilId))
        {
            var ballot = JsonSerializer.Deserialize<BallotRow>(row.Summary, EventJson.Options)!;
            if (ballot.MeetingId != meetingId) continue;
            if (await grains.GetGrain<IBallotGrain>(ballot.Id).GetAsync(councilId, viewer) is { } view) views.Add(view);
        }
        return views;
    }
}
