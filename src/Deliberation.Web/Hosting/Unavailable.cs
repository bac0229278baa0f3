using System.Text.RegularExpressions;
using Deliberation.Runtime.Journaling;
using Microsoft.AspNetCore.SignalR;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Deliberation.Web.Hosting;

/// <summary>
/// A grain or the database that cannot be reached for now: the node holding the grain died and the cluster has not yet
/// moved it, a call timed out, the database did not answer. The request may have landed or not, so the answer is the
/// same everywhere: wait a moment and send the same request again, with the same id (a vote's client vote id), which
/// the grain recognises if the first one was kept.
/// </summary>
public static partial class Unavailable
{
    /// <summary>The stable start of a hub error for this case: clients match on it, never on the prose after it.</summary>
    public const string HubCode = "unavailable:resend-same-id";

    /// <summary>About the time the cluster takes to declare a lost node dead and serve its grains elsewhere.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public const string Detail = "The service is briefly unreachable (a node or the database). Send the same request again " +
        "with the same id in a moment: a vote sent twice with one client vote id is counted once.";

    /// <remarks>
    /// The event log's own failures are refusals with codes of their own (Grains/Refusals.cs): storage unavailable
    /// (nothing kept) and outcome unknown (may have landed). All three tell the client to resend with the same id.
    /// </remarks>
    public static bool Is(Exception exception) => Find(exception) is not null;

    /// <summary>The exception, or the inner one, that says the grain or database was unreachable; null if none.</summary>
    public static Exception? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            // A refusal of ours says what happened itself (outcome unknown wraps the timeout that made it unknown).
            if (Grains.Refusals.Find(e) is not null) return null;
            else if (e is OrleansMessageRejectionException or ConnectionFailedException or ClientNotAvailableException
                or GatewayTooBusyException or Orleans.Networking.Shared.SocketConnectionException
                or TimeoutException
                // The database refused or dropped the connection (too many clients, a restart, a network fault).
                or System.Data.Common.DbException { IsTransient: true })
                return e;
        return null;
    }

    public static HubException ForHub() => new($"{HubCode}: {Detail}");

    /// <summary>What the warnings are grouped by: the silo named in the message when there is one, else the kind.</summary>
    public static string SourceOf(Exception unreachable) =>
        SiloAddress().Match(unreachable.Message) is { Success: true } silo ? silo.Value : unreachable.GetType().Name;

    [GeneratedRegex(@"S?\d{1,3}(\.\d{1,3}){3}:\d+:\d+")]
    private static partial Regex SiloAddress();
}
