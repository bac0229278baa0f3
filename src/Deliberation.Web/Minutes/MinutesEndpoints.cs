using Deliberation.Domain.Councils;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Accounts;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Orleans;

namespace Deliberation.Web.Minutes;

/// <summary>
/// The minutes' JSON API. Reading is public (published versions; the working text for the council's people); the clerk
/// writes, the chair approves, either publishes. No endpoint takes a version: a published one cannot be changed.
/// </summary>
public static class MinutesEndpoints
{
    public static IEndpointRouteBuilder MapMinutes(this IEndpointRouteBuilder app)
    {
        var minutes = app.MapGroup("/api/councils/{councilId}/meetings/{meetingId}/minutes").WithTags("Minutes");

        minutes.MapGet("/", async (string councilId, string meetingId, HttpContext http, IGrainFactory grains, ProjectionRunner readSide) =>
            await Minutes(grains, meetingId).GetAsync(councilId, http.ActorOrNull()) is { } view
                ? Results.Ok(await MinutesDisclosure.ForViewerAsync(view, readSide, http.ActorOrNull()))
                : Results.Problem(statusCode: 404, detail: "There are no published minutes of this meeting."))
            .Access(Audience.Public).WithName("minutes-get");

        Map<WriteDiscussion>(minutes, "discussion", null, CouncilRole.Clerk);
        Map<ApproveMinutes>(minutes, "approve", new ApproveMinutes(), CouncilRole.Chair, CouncilRole.Clerk);
        Map<PublishMinutes>(minutes, "publish", new PublishMinutes(), CouncilRole.Clerk, CouncilRole.Chair);
        return app;
    }

    private static IMinutesGrain Minutes(IGrainFactory grains, string meetingId) =>
        grains.GetGrain<IMinutesGrain>(Identifiers.Require(meetingId, "meeting"));

    private static void Map<T>(RouteGroupBuilder group, string action, T? noBody, params CouncilRole[] roles) where T : MinutesCommand =>
        group.MapCommand($"/{action}", noBody, async (http, command) => Results.Ok(await Minutes(
                http.RequestServices.GetRequiredService<IGrainFactory>(), http.Route("meetingId"))
            .ActAsync(http.Route("councilId"), command with { RequestId = RequestIds.Of(http, command.RequestId) }, http.Actor())))
            .AccessFor(roles).WithName($"minutes-{action}");
}
