using System.Security.Claims;
using Deliberation.Domain;
using Deliberation.Domain.Councils;
using Orleans;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Accounts;

/// <summary>
/// Enforces each endpoint's <see cref="AccessAttribute"/> before it runs, and hands the endpoint the caller's
/// <see cref="Actor"/> in that council. The grains then check the finer rule (which role acts at which step).
/// </summary>
public sealed class AccessGate(RequestDelegate next)
{
    /// <summary>The title of every refusal made here, so a client can tell it from the endpoint's own answers.</summary>
    public const string RefusalTitle = "Access refused";

    /// <summary>
    /// The route values that name a stream of the route's council, its category, and the answer when it does not exist:
    /// the same as the endpoints give for one the caller may not see, so the answer tells nobody what exists.
    /// </summary>
    private static readonly (string RouteValue, string Category, string Missing)[] Named =
    [
        ("itemId", AgendaItems.AgendaItemGrain.Category, "There is no such item, or it has not been disclosed."),
        ("meetingId", Meetings.MeetingGrain.Category, "There is no such meeting."),
        ("ballotId", Ballots.BallotGrain.Category, "There is no such ballot, or its item has not been disclosed."),
    ];

    public async Task InvokeAsync(HttpContext http, IGrainFactory grains, KnownStreams streams)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is null)
        {
            await next(http);
            return;
        }

        var access = endpoint.Metadata.GetMetadata<AccessAttribute>();
        // Routing's own rejections (405, 415) are not route endpoints: they only answer with an error status.
        if (access is null && endpoint is not RouteEndpoint)
        {
            await next(http);
            return;
        }
        if (access is null)
        {
            await Refuse(http, StatusCodes.Status403Forbidden, Said.Verbatim("This endpoint has no access rule, so nobody may use it."));
            return;
        }

        // An unknown council answers the same to everyone and on every route: nothing there to sign in for or to refuse.
        // Asked of the stream catalogue, not of a grain, so an id nobody created activates nothing.
        if (http.GetRouteValue("councilId") is string named)
        {
            if (!await streams.ExistsAsync(CouncilGrain.Category, named, scope: null))
            {
                await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such council.").ExecuteAsync(http);
                return;
            }
        }

        var signedIn = http.User.Identity?.IsAuthenticated == true;
        if (access.Audience != Audience.Public && !signedIn)
        {
            await Refuse(http, StatusCodes.Status401Unauthorized, Errors.WebRefusals.SignInFirst);
            return;
        }

        if (signedIn && PasswordChange.IsRequired(http.User) && !PasswordChange.AllowsBeforeChange(endpoint))
        {
            await PasswordChange.RefuseAsync(http);
            return;
        }

        if (access.Audience == Audience.Administrator && !http.User.IsInRole(SiteRoles.Administrator))
        {
            await Refuse(http, StatusCodes.Status403Forbidden, Errors.WebRefusals.AdministratorsOnly);
            return;
        }

        var councilId = http.GetRouteValue("councilId") as string;
        if (signedIn && councilId is not null)
        {
            var actor = await CouncilActors.ResolveAsync(http, grains, councilId);
            if (access.Audience == Audience.Council && !Permits(access, actor))
            {
                // Refused for want of verification: the browser's error page says how to become verified.
                if (access.Roles.Contains(CouncilRole.Resident) && !actor.Holds(CouncilRole.Resident)) http.Items[Errors.BrowserErrorPages.NotVerified] = true;
                await Refuse(http, StatusCodes.Status403Forbidden, RefusalFor(access));
                return;
            }
        }
        else if (access.Audience == Audience.Council)
        {
            await Refuse(http, StatusCodes.Status403Forbidden, RefusalFor(access));
            return;
        }

        // After the access rule, so a refusal does not depend on whether the id exists; before the endpoint, so an id nobody
        // created reaches no grain.
        if (councilId is not null)
            foreach (var (routeValue, category, missing) in Named)
                if (http.GetRouteValue(routeValue) is string id && !await streams.ExistsAsync(category, id, scope: councilId))
                {
                    await Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: missing).ExecuteAsync(http);
                    return;
                }

        await next(http);
    }

    private static bool Permits(AccessAttribute access, Actor actor) =>
        access.Roles.Count == 0 ? actor.Roles.Count > 0 : access.Roles.Any(role => actor.Holds(role));

    /// <summary>Why the rule excludes a caller who holds no role it names.</summary>
    public static Said RefusalFor(AccessAttribute access) => access.Roles.Count == 0
        ? Errors.WebRefusals.NoRoleHere
        : Errors.WebRefusals.NeedsRoles.With(RefusalPart.Listed(string.Join(", ", access.Roles), access.Roles.Select(r => $"role.{r}")));

    private static async Task Refuse(HttpContext http, int status, Said detail)
    {
        Errors.RefusalWords.Tell(http, detail);
        if (!http.Request.Path.StartsWithSegments("/api") && status == StatusCodes.Status401Unauthorized)
        {
            http.Response.Redirect($"/account/sign-in?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
            return;
        }
        await Results.Problem(statusCode: status, title: RefusalTitle, detail: detail.Text).ExecuteAsync(http);
    }
}

public static class SiteRoles
{
    public const string Administrator = "administrator";
}

public static class CallerExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not signed in.");

    /// <summary>The caller's roles in the route's council, as resolved by <see cref="AccessGate"/>.</summary>
    public static Actor Actor(this HttpContext http) =>
        http.Items[typeof(Actor)] as Actor ?? throw new InvalidOperationException("No council actor for this request.");

    public static Actor? ActorOrNull(this HttpContext http) => http.Items[typeof(Actor)] as Actor;
}
