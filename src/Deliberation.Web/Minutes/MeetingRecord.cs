using Deliberation.Web.Errors;
using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Domain.Minutes;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Deliberation.Web.Meetings;
using Orleans;

namespace Deliberation.Web.Minutes;

/// <summary>
/// Reads what a meeting's minutes are drafted from: its stream, its ballots' and its agenda items' streams, and the
/// council's body and people. Only drafting reads this (the clerk's page and publishing); published minutes are read
/// from the minutes' own stream.
/// </summary>
public static class MeetingRecord
{
    public static async Task<MinutesSources?> ReadAsync(IEventLog log, IGrainFactory grains, string councilId, string meetingId)
    {
        var meeting = (await log.ReadStreamAsync($"{MeetingGrain.Category}-{meetingId}"))
            .Select(e => new Timed<MeetingEvent>(EventCodec<MeetingEvent>.Instance.Decode(e), e.OccurredAt)).ToList();
        if (meeting.FirstOrDefault()?.Event is not MeetingScheduled scheduled || scheduled.CouncilId != councilId) return null;
        var council = await grains.GetGrain<ICouncilGrain>(councilId).GetAsync() ?? throw new NotFound(WebRefusals.NoSuchCouncil);
        var body = council.Bodies.FirstOrDefault(b => b.Id == scheduled.BodyId);
        var holders = await grains.GetGrain<ICouncilGrain>(councilId).GetRoleHoldersAsync();
        var roll = holders.Where(h => h.Role == CouncilRole.Member && h.Body == scheduled.BodyId)
            .Select(h => new RoleHolder(h.UserId, h.DisplayName, h.Role, h.Body, h.Weight)).ToList();
        var names = holders.GroupBy(h => h.UserId).ToDictionary(g => g.Key, g => g.First().DisplayName);

        var ballots = new List<IReadOnlyList<BallotEvent>>();
        foreach (var held in meeting.Select(t => t.Event).OfType<BallotHeld>())
            ballots.Add((await log.ReadStreamAsync($"{BallotGrain.Category}-{held.BallotId}")).Select(EventCodec<BallotEvent>.Instance.Decode).ToList());
        var agenda = Meeting.Replay(meeting.Select(t => t.Event)).Agenda;
        var items = new Dictionary<string, IReadOnlyList<Timed<AgendaItemEvent>>>(StringComparer.Ordinal);
        foreach (var itemId in agenda.Where(Identifiers.IsValid))
            items[itemId] = (await log.ReadStreamAsync($"{AgendaItemGrain.Category}-{itemId}"))
                .Select(e => new Timed<AgendaItemEvent>(EventCodec<AgendaItemEvent>.Instance.Decode(e), e.OccurredAt)).ToList();

        var minutesBody = body is null
            ? new MinutesBody(scheduled.BodyId, new LocalizedText(scheduled.BodyId, scheduled.BodyId), "", true)
            : new MinutesBody(body.Id, new LocalizedText(body.NameZh, body.NameEn), body.DecisionRuleId, body.ProxiesCountTowardQuorum);
        return new MinutesSources(meeting, minutesBody, roll, ballots, items, names);
    }
}
