using Deliberation.Web.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Deliberation.Web.Hosting;

public static class CommandEndpoints
{
    /// <summary>
    /// POST {pattern} for one command type: the JSON body is the command, and a command with no fields may come
    /// without a body at all. The handler reads its route values (council, item, meeting) from the request.
    /// </summary>
    public static RouteHandlerBuilder MapCommand<TCommand>(this IEndpointRouteBuilder group, string pattern, TCommand? noBody,
        Func<HttpContext, TCommand, Task<IResult>> handle) where TCommand : class =>
        group.MapPost(pattern, ([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TCommand? command, HttpContext http) =>
            handle(http, command ?? noBody ?? throw WebRefusals.JsonBody.Invalid()));

    public static string Route(this HttpContext http, string name) =>
        http.GetRouteValue(name) as string ?? throw new NotFound(WebRefusals.AddressNamesNo.With(name));
}
