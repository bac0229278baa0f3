using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;
using Microsoft.AspNetCore.Diagnostics;

namespace Deliberation.Web.Hosting;

/// <summary>
/// Turns the domain's refusals into problem details. The grain refused before writing anything,
/// so a refused request has changed nothing.
/// </summary>
public sealed class DomainErrors(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var refusal = Refusals.Find(exception);
        var (status, title, extensions) = exception switch
        {
            ProcessRuleViolation violation => (StatusCodes.Status409Conflict, "Not allowed at this step",
                new Dictionary<string, object?> { ["allowed"] = violation.AllowedActions.Select(a => a.ToKebabCase()).ToArray() }),
            // The one list of refusals says how each is answered (Grains/Refusals.cs).
            _ when refusal is not null => (refusal.Status, refusal.Title, null),
            // The database did not answer in time: nothing the request decided was kept, and it may be sent again.
            TimeoutException or System.Data.Common.DbException => (StatusCodes.Status503ServiceUnavailable, "Storage unavailable; try again shortly", null),
            FormatException or System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "Invalid request", null),
            Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or
                Microsoft.AspNetCore.Http.BadHttpRequestException { InnerException: Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } } =>
                (StatusCodes.Status413PayloadTooLarge, "Request too large", null),
            Microsoft.AspNetCore.Http.BadHttpRequestException => (StatusCodes.Status400BadRequest, "Invalid request", null),
            _ => (0, "", null),
        };
        if (status == 0) return false;

        http.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = exception.Message };
        if (refusal?.ProblemType is { } type) problem.Type = type;
        // "Outcome unknown: resend with the same id" is said in so many words, first, for people and programs alike.
        if (exception is WriteOutcomeUnknownException) problem.Detail = $"{WriteOutcomeUnknownException.Advice}. {exception.Message}";
        if (status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "1";
        // A resident who posted too often may post again once the oldest of their recent comments leaves the window.
        if (exception is Domain.Comments.CommentsTooFrequent) http.Response.Headers.RetryAfter = "60";
        if (extensions is not null)
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}

/// <summary>Something the caller named does not exist, or is not theirs to see; both answer the same.</summary>
public sealed class NotFound : Exception
{
    public NotFound(Said said) : base(said.Text) => said.Stamp(this);
}
