using Deliberation.Runtime.Projections;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Following;
using Deliberation.Web.Hosting;
using Deliberation.Web.Meetings;
using Deliberation.Web.Minutes;
using Deliberation.Web.PublicBoard;

namespace Deliberation.Web.ReadSide;

/// <summary>The read side: every feature's projection, the runner that keeps them current, and its background service.</summary>
public static class ReadSideSetup
{
    /// <summary>Each feature's projections; a new one is added here and nowhere else.</summary>
    public static IReadOnlyList<IProjection> Projections() =>
        [new ItemListProjection(), new FollowersProjection(), new BallotListProjection(), new Record.RecordProjection(),
            new MeetingListProjection(), new MinutesIndexProjection(), new Ledger.LedgerProjection(), new Figures.FiguresProjection(),
            new PublicBoardProjection(), new Inbox.NoticesProjection(), new MergesProjection(),
            new Comments.CommentsProjection(), new Escalations.EscalationListProjection(), new Requests.SmallRequestListProjection()];

    public static IServiceCollection AddReadSide(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ProjectionRunner(sp.GetRequiredService<StorageOptions>().ForEventLog(), Projections(),
            sp.GetService<ILogger<ProjectionRunner>>()));
        services.AddSingleton<ProjectionService>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionService>());
        services.AddSingleton<PublicPageCache>();
        services.AddOutputCache();
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<PublicPageCache>((options, policy) => options.AddPolicy(PublicPageCache.PolicyName, policy));
        return services;
    }
}

/// <summary>Times in read models: fixed-width UTC text, so that ordering the text orders the times, on both databases.</summary>
public static class ReadModelTime
{
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
