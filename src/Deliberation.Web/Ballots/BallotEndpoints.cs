using Deliberation.Domain.Councils;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Deliberation.Web.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Deliberation.Web.Ballots;

/// <summary>
/// Ballots over HTTP: the chair opens and closes, members vote. The gate asks for the role; the ballot itself checks
/// the finer rule (this body, present at this meeting, once per voter).
/// </summary>
public static class BallotEndpoints
{
    public static IEndpointRouteBuilder MapBallots(this IEndpointRouteBuilder app)
    {
        var council = app.MapGroup("/api/councils/{councilId}").WithTags("Ballots");

        council.MapPost("/meetings/{meetingId}/ballots", async (string councilId, string meetingId,
            [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] OpenBallot? request, HttpContext http, IGrainFactory grains) =>
        {
            var view = await grains.GetGrain<IMeetingGrain>(Identifiers.Require(meetingId, "meeting"))
                .OpenBallotAsync(councilId, request ?? new OpenBallot(null), http.Actor());
            return Results.Created($"/api/councils/{councilId}/ballots/{view.Id}", view);
        }).AccessFor(CouncilRole.Chair, CouncilRole.Clerk);

        council.MapGet("/ballots/{ballotId}", async (string councilId, string ballotId, HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<IBallotGrain>(Identifiers.Require(ballotId, "ballot")).GetAsync(councilId, http.ActorOrNull()) is { } view
                ? Results.Ok(view)
                : Results.Problem(statusCode: 404, detail: "There is no such ballot, or its item has not been disclosed."))
            .Access(Audience.Public);

        council.MapGet("/ballots/{ballotId}/published", async (string councilId, string ballotId, HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<IBallotGrain>(Identifiers.Require(ballotId, "ballot")).GetPublishedAsync(councilId, http.ActorOrNull()) is { } list
                ? Results.Ok(list)
                : Results.Problem(statusCode: 404, detail: "There is no published list: the ballot is not secret, not closed, or its item has not been disclosed."))
            .Access(Audience.Public);

        council.MapPost("/ballots/{ballotId}/votes", async (string councilId, string ballotId, CastVote vote, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IBallotGrain>(Identifiers.Require(ballotId, "ballot")).CastAsync(councilId, vote, http.Actor()).Acknowledged("http")))
            .AccessFor(CouncilRole.Member);

        council.MapPost("/ballots/{ballotId}/close", async (string councilId, string ballotId, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IBallotGrain>(Identifiers.Require(ballotId, "ballot")).CloseAsync(councilId, http.Actor())))
            .AccessFor(CouncilRole.Chair, CouncilRole.Clerk);

        council.MapPost("/ballots/{ballotId}/hand-count", async (string councilId, string ballotId, HandCount count, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IBallotGrain>(Identifiers.Require(ballotId, "ballot")).CloseByHandAsync(councilId, count, http.Actor())))
            .AccessFor(CouncilRole.Chair, CouncilRole.Clerk);
        return app;
    }
}
