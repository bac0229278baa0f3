using Deliberation.Web.Errors;
using Deliberation.Web.Grains;
using System.Text.Json;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.EventLog;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Web.Councils;

public sealed record RedeemInvitation(string Code);

public sealed record ResetPassword(string NewPassword, string Reason);

public static class CouncilEndpoints
{
    public static IEndpointRouteBuilder MapCouncils(this IEndpointRouteBuilder app)
    {
        var councils = app.MapGroup("/api/councils").WithTags("Councils");

        councils.MapGet("/", async (IEventLog log) => Results.Ok(await CouncilCatalogue.ListAsync(log))).Access(Audience.Public);

        councils.MapPost("/", async (FoundCouncil request, HttpContext http, IGrainFactory grains) =>
        {
            if (!Identifiers.IsValid(request.Id))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["Use lower-case letters, digits and dashes."] });
            var view = await grains.GetGrain<ICouncilGrain>(request.Id).FoundAsync(request, http.User.UserId());
            return Results.Created($"/api/councils/{view.Id}", view);
        }).Access(Audience.Administrator);

        var council = councils.MapGroup("/{councilId}");

        council.MapGet("/", async (string councilId, IGrainFactory grains) =>
            await grains.GetGrain<ICouncilGrain>(Identifiers.Require(councilId, "council")).GetAsync() is { } view
                ? Results.Ok(view) : Results.Problem(statusCode: 404, detail: "There is no such council.")).Access(Audience.Public);

        council.MapPost("/bodies", async (string councilId, EstablishBody request, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICouncilGrain>(councilId).EstablishBodyAsync(request, http.Actor())))
            .AccessFor(CouncilRole.Clerk);

        council.MapPost("/meeting-practice", async (string councilId, SetMeetingPractice request, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICouncilGrain>(councilId).SetMeetingPracticeAsync(request, http.Actor())))
            .AccessFor(CouncilRole.Clerk);

        council.MapGet("/roles", async (string councilId, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICouncilGrain>(councilId).GetRoleHoldersAsync()))
            .AccessFor(CouncilRole.Clerk, CouncilRole.Chair);

        council.MapPost("/roles", async (string councilId, GrantRole request, HttpContext http, IGrainFactory grains, UserManager<CouncilUser> users) =>
        {
            if (await users.FindByIdAsync(request.UserId ?? "") is null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = ["There is no account with this id."] });
            await grains.GetGrain<ICouncilGrain>(councilId).GrantRoleAsync(request, http.Actor());
            return Results.NoContent();
        }).AccessFor(CouncilRole.Clerk);

        council.MapPost("/roles/revoke", async (string councilId, RevokeRole request, HttpContext http, IGrainFactory grains) =>
        {
            await grains.GetGrain<ICouncilGrain>(councilId).RevokeRoleAsync(request, http.Actor());
            return Results.NoContent();
        }).AccessFor(CouncilRole.Clerk);

        council.MapPost("/invitations", async (string councilId, IssueInvitation request, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICouncilGrain>(councilId).IssueInvitationAsync(request with { RequestId = RequestIds.Of(http, request.RequestId) }, http.Actor())))
            .AccessFor(CouncilRole.Clerk);

        // Any signed-in account may try a code: that is how an unverified sign-up becomes a verified resident.
        council.MapPost("/invitations/redeem", async (string councilId, RedeemInvitation request, HttpContext http,
            IGrainFactory grains, UserManager<CouncilUser> users) =>
        {
            var user = await users.GetUserAsync(http.User) ?? throw new NotFound(WebRefusals.NoSuchAccount);
            var holder = await grains.GetGrain<ICouncilGrain>(Identifiers.Require(councilId, "council"))
                .RedeemInvitationAsync(request.Code ?? "", user.Id, user.DisplayName);
            return Results.Ok(holder);
        }).Access(Audience.SignedIn).RequireRateLimiting(RateLimits.Redeem);

        council.MapPost("/people/{userId}/password-reset", async (string councilId, string userId, ResetPassword request, HttpContext http) =>
        {
            var problem = await PasswordReset.ResetAsync(http, councilId, userId, request.NewPassword ?? "", request.Reason ?? "");
            return problem is null ? Results.NoContent()
                : problem.StartsWith("Nobody") ? Results.Problem(statusCode: 404, detail: problem)
                : Results.ValidationProblem(new Dictionary<string, string[]> { [problem.StartsWith("Say why") ? "reason" : "newPassword"] = [problem] });
        }).AccessFor(CouncilRole.Clerk);

        // The same setting from the clerk's page (a form post, answered with a redirect).
        app.MapMeetingPracticeForm();
        app.MapBodyForm();
        return app;
    }
}

public static class CouncilCatalogue
{
    public static async Task<IReadOnlyList<CouncilView>> ListAsync(IEventLog log) =>
        (await log.ListStreamsAsync(CouncilGrain.Category))
            .Select(s => JsonSerializer.Deserialize<CouncilView>(s.Summary, EventJson.Options)!)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
}
