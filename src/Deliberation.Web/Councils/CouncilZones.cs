using System.Collections.Concurrent;
using Orleans;

namespace Deliberation.Web.Councils;

/// <summary>
/// Each council's time zone (its setting, Asia/Shanghai unless changed), asked of the council's grain once per request or
/// circuit: a page with fifty times on it asks once, and a council that changes its zone is read right on the next page.
/// </summary>
public sealed class CouncilZones(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, Task<string>> _zones = new(StringComparer.Ordinal);

    public Task<string> OfAsync(string councilId) => _zones.GetOrAdd(councilId, async id =>
        (await grains.GetGrain<ICouncilGrain>(id).GetAsync())?.TimeZoneId ?? Domain.CouncilTime.DefaultZoneId);
}
