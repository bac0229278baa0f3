using System.Diagnostics.Metrics;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Ballots;

namespace Deliberation.Web.Hosting;

/// <summary>The app's own measurements (the event log has its own, under the same meter name); Telemetry exports them.</summary>
public static class DeliberationMetrics
{
    public const string VotesAcknowledgedName = "deliberation.votes.acknowledged";

    private static readonly Meter Meter = new(EventLogTelemetry.Name);

    private static readonly Counter<long> VotesAcknowledged = Meter.CreateCounter<long>(VotesAcknowledgedName, "{vote}",
        "Votes acknowledged to the voter, once durable; a resend of a vote already recorded is tagged recorded=false.");

    /// <summary>Counts the vote when its receipt comes back; <paramref name="channel"/> is http, hub or form.</summary>
    public static async Task<VoteReceipt> Acknowledged(this Task<VoteReceipt> cast, string channel)
    {
        var receipt = await cast;
        VotesAcknowledged.Add(1, new KeyValuePair<string, object?>("deliberation.vote.channel", channel),
            new KeyValuePair<string, object?>("deliberation.vote.recorded", receipt.Recorded));
        return receipt;
    }
}
