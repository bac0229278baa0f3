using Deliberation.Domain.Councils;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Orleans;

namespace Deliberation.Web.Requests;

/// <summary>The request pages' forms (post, then redirect): posting one, and each step after, without script.</summary>
public static class SmallRequestFormEndpoints
{
    public static IEndpointRouteBuilder MapSmallRequestForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/councils/{councilId}/requests/new", async (string councilId, [FromForm] PostRequestForm form, HttpContext http, IGrainFactory grains) =>
        {
            var requestId = Identifiers.New("req");
            return await FormRedirects.Attempt($"/councils/{councilId}/requests/new", async () =>
            {
                await grains.GetGrain<ISmallRequestGrain>(requestId).PostAsync(councilId, new PostSmallRequest(form.Title ?? "", form.Details,
                    form.Category ?? "", form.Place ?? "", form.NeededBy ?? default, form.OnBehalfOf), http.Actor());
                return $"/councils/{councilId}/requests/{requestId}?done=posted";
            });
        }).AccessFor(CouncilRole.Resident, CouncilRole.GridWorker).RequireRateLimiting(RateLimits.Submission).ExcludeFromDescription();

        app.MapPost("/councils/{councilId}/requests/{requestId}/act", async (string councilId, string requestId,
            [FromForm] RequestActionForm form, HttpContext http, IGrainFactory grains) =>
        {
            // Back to the volunteer's list when the step was taken from it; only that one place, never a URL from the form.
            var page = form.Back == RequestActionForm.BackToMine ? $"/councils/{councilId}/requests/mine" : $"/councils/{councilId}/requests/{requestId}";
            return await FormRedirects.Attempt(page, async () =>
            {
                await grains.GetGrain<ISmallRequestGrain>(Identifiers.Require(requestId, "request")).ActAsync(councilId, form.ToCommand(), http.Actor());
                return $"{page}?done={Uri.EscapeDataString(form.Action ?? "")}";
            });
        }).AccessFor().ExcludeFromDescription();
        return app;
    }
}

public sealed class PostRequestForm
{
    public string? Title { get; set; }
    public string? Details { get; set; }
    public string? Category { get; set; }
    public string? Place { get; set; }
    public DateOnly? NeededBy { get; set; }
    public string? OnBehalfOf { get; set; }
}

/// <summary>What the request page's forms post: one action and its fields; the same commands as the JSON API.</summary>
public sealed class RequestActionForm
{
    public string? Action { get; set; }
    public string? Text { get; set; }
    public string? GroupId { get; set; }
    public int? Score { get; set; }
    /// <summary><see cref="BackToMine"/> when posted from the volunteer's list; otherwise back to the request's page.</summary>
    public string? Back { get; set; }

    public const string BackToMine = "mine";

    public SmallRequestCommand ToCommand() => Action switch
    {
        "dispatch" => new DispatchSmallRequest(GroupId, null, Text),
        "take" => new TakeSmallRequest(),
        "report-done" => new ReportSmallRequestDone(Text ?? ""),
        "confirm" => new ConfirmSmallRequest(Score ?? 0, Text),
        _ => throw new ArgumentException($"Unknown action '{Action}'.", nameof(Action)),
    };
}
