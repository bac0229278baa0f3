using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Journaling;
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
        var (status, title, extensions) = exception switch
        {
            ProcessRuleViolation violation => (StatusCodes.Status409Conflict, "Not allowed at this step",
                new Dictionary<string, object?> { ["allowed"] = violation.AllowedActions.Select(a => a.ToKebabCase()).ToArray() }),
            NotPermitted => (StatusCodes.Status403Forbidden, "Not permitted", null),
            Deliberation.Domain.Meetings.MeetingRuleViolation or Deliberation.Domain.Ballots.BallotRuleViolation
                or Deliberation.Domain.Escalations.EscalationRuleViolation or Deliberation.Domain.Requests.SmallRequestRuleViolation =>
                (StatusCodes.Status409Conflict, "Not allowed now", null),
            NotFound => (StatusCodes.Status404NotFound, "Not found", null),
            StreamConcurrencyException => (StatusCodes.Status409Conflict, "Changed by someone else; try again", null),
            // The database did not answer in time: nothing the request decided was kept, and it may be sent again.
            StorageUnavailableException or TimeoutException or System.Data.Common.DbException => (StatusCodes.Status503ServiceUnavailable, "Storage unavailable; try again shortly", null),
            ArgumentException or FormatException or System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "Invalid request", null),
            Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or
                Microsoft.AspNetCore.Http.BadHttpRequestException { InnerException: Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } } =>
                (StatusCodes.Status413PayloadTooLarge, "Request too large", null),
            Microsoft.AspNetCore.Http.BadHttpRequestException => (StatusCodes.Status400BadRequest, "Invalid request", null),
            _ => (0, "", null),
        };
        if (status == 0) return false;

        http.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = exception.Message };
        if (extensions is not null)
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}

/// <summary>Something the caller named does not exist, or is not theirs to see; both answer the same.</summary>
public sealed class NotFound(string message) : Exception(message);
