using Microsoft.AspNetCore.Diagnostics;

namespace Deliberation.Web.Hosting;

/// <summary>
/// Answers a request that met an unreachable grain or database (see <see cref="Unavailable"/>) with 503, a
/// <c>Retry-After</c> and the problem type <see cref="ProblemTypes.Unavailable"/>, before <see cref="DomainErrors"/>
/// sees it; the log gets one warning per source per interval, not one stack trace per request.
/// </summary>
public sealed class UnavailableAnswers(IProblemDetailsService problems, UnavailableWarnings warnings) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!Unavailable.Is(exception)) return false;
        warnings.Saw(exception);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(Unavailable.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable, Type = ProblemTypes.Unavailable,
            Title = "Briefly unavailable; send the same request again", Detail = Unavailable.Detail,
        };
        problem.Extensions["code"] = Unavailable.HubCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
