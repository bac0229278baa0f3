using Deliberation.Domain.Councils;
using Deliberation.Web.Accounts;
using Orleans;

namespace Deliberation.Web.Hosting;

/// <summary>
/// The commands a grain takes, one endpoint per command: POST <c>/{{noun}Id}/{action}</c> in a council's route group
/// sends the JSON body to the grain the route names, acting as the caller in the route's council, and answers its view.
/// </summary>
/// <param name="noun">The grain's name in routes and endpoint names (<c>item</c>: route value <c>itemId</c>, name <c>item-accept</c>).</param>
/// <param name="act">How the grain takes a command.</param>
/// <param name="prepare">What the request adds to the command before it goes (its idempotency key from a header).</param>
public sealed class GrainCommands<TGrain, TCommand, TView>(string noun, Func<TGrain, string, TCommand, Actor, Task<TView>> act,
    Func<HttpContext, TCommand, TCommand>? prepare = null)
    where TGrain : IGrainWithStringKey
    where TCommand : class
{
    /// <param name="noBody">The command when the request has no body (a command with no fields); null when a body is needed.</param>
    /// <param name="roles">Who the gate lets through (any role in the council when none: the domain checks the step's role).</param>
    public RouteHandlerBuilder Map<T>(RouteGroupBuilder group, string action, T? noBody, params CouncilRole[] roles) where T : class, TCommand =>
        group.MapCommand($"/{{{noun}Id}}/{action}", noBody, async (http, command) => Results.Ok(await act(
                http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<TGrain>(Identifiers.Require(http.Route($"{noun}Id"), noun)),
                http.Route("councilId"), prepare is null ? command : prepare(http, command), http.Actor())))
            .AccessFor(roles).WithName($"{noun}-{action}");
}
