using Deliberation.Web.Ballots;
using Orleans;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace Deliberation.Web.Meetings;

/// <summary>A node that shows a meeting on live screens (circuits); <see cref="LiveMeetings"/> is its one subscriber per meeting.</summary>
public interface IMeetingScreens : IGrainObserver
{
    Task MeetingChanged(MeetingView meeting);

    Task BallotChanged(BallotView ballot, bool @public);
}

/// <summary>Per meeting (keyed council/meeting): the nodes whose live screens show it. Holds no state worth keeping.</summary>
public interface IMeetingScreensGrain : IGrainWithStringKey
{
    /// <summary>Subscribes, or renews a subscription (they lapse after <see cref="MeetingScreensGrain.Lapse"/>).</summary>
    Task Subscribe(IMeetingScreens node);

    Task Unsubscribe(IMeetingScreens node);

    /// <summary>The meeting as insiders see it; each screen shows it as its viewer may see it.</summary>
    [OneWay]
    Task MeetingChanged(MeetingView meeting);

    /// <param name="ballot">As nobody in particular sees it (no vote buttons).</param>
    /// <param name="public">Whether the public may see it.</param>
    [OneWay]
    Task BallotChanged(BallotView ballot, bool @public);
}

/// <summary>
/// Fans a meeting's pushes out to the nodes that show it. Subscriptions lapse unless renewed, so a node that died
/// stops being called; a node renews well within the lapse, which also keeps this activation alive while watched.
/// </summary>
[Reentrant]
public sealed class MeetingScreensGrain(ILogger<MeetingScreensGrain> logger) : Grain, IMeetingScreensGrain
{
    public static readonly TimeSpan Lapse = TimeSpan.FromMinutes(3);

    private readonly ObserverManager<IMeetingScreens> _nodes = new(Lapse, logger);

    public static string KeyOf(string councilId, string meetingId) => $"{councilId}/{meetingId}";

    public Task Subscribe(IMeetingScreens node)
    {
        _nodes.Subscribe(node, node);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IMeetingScreens node)
    {
        _nodes.Unsubscribe(node);
        return Task.CompletedTask;
    }

    public Task MeetingChanged(MeetingView meeting) => _nodes.Notify(node => node.MeetingChanged(meeting));

    public Task BallotChanged(BallotView ballot, bool @public) => _nodes.Notify(node => node.BallotChanged(ballot, @public));
}
