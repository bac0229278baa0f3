using System.Collections.Concurrent;
using Deliberation.Runtime.EventLog;

namespace Deliberation.Web.Hosting;

/// <summary>
/// Whether a council, item, meeting or ballot named in a route exists, from the stream catalogue, so a request for an
/// id nobody created answers 404 without activating a grain (which would stay in memory for its collection age).
/// A stream once written is never removed, so what exists is remembered (bounded); an unknown id costs one indexed read.
/// </summary>
public sealed class KnownStreams(IEventLog log)
{
    internal const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, string> _scopes = new();

    /// <param name="scope">The council the stream must belong to; null for a council's own stream.</param>
    public async Task<bool> ExistsAsync(string category, string id, string? scope)
    {
        if (!Identifiers.IsValid(id)) return false;
        var streamId = $"{category}-{id}";
        if (!_scopes.TryGetValue(streamId, out var known))
        {
            var summary = await log.GetSummaryAsync(streamId);
            if (summary is null) return false;
            if (_scopes.Count >= Capacity) _scopes.Clear();
            _scopes[streamId] = known = summary.Scope;
        }
        return scope is null || known == scope;
    }
}
