using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Orleans;

namespace Deliberation.Web.Escalations;

/// <summary>The escalation page's forms (post, then redirect back), for department accounts, the submitter and the clerk.</summary>
public static class EscalationFormEndpoints
{
    public static IEndpointRouteBuilder MapEscalationForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/councils/{councilId}/escalations/{escalationId}/act", async (string councilId, string escalationId,
            [FromForm] EscalationActionForm form, HttpContext http, IGrainFactory grains) =>
        {
            var page = $"/councils/{councilId}/escalations/{escalationId}";
            return await FormRedirects.Attempt(page, async () =>
            {
                await grains.GetGrain<IEscalationGrain>(Identifiers.Require(escalationId, "escalation")).ActAsync(councilId, form.ToCommand(), http.Actor());
                return $"{page}?done={Uri.EscapeDataString(form.Action ?? "")}";
            });
        }).Access(Audience.SignedIn).ExcludeFromDescription();
        return app;
    }
}

/// <summary>What the escalation page's forms post: one action and its fields; the same commands as the JSON API.</summary>
public sealed class EscalationActionForm
{
    public string? Action { get; set; }
    public string? Text { get; set; }
    public int? Score { get; set; }
    public DateOnly? DueOn { get; set; }

    public EscalationCommand ToCommand() => Action switch
    {
        "receive" => new ReceiveEscalation(Text ?? ""),
        "note-progress" => new NoteEscalationProgress(Text ?? ""),
        "complete" => new CompleteEscalation(Text ?? ""),
        "return" => new ReturnEscalation(Text ?? ""),
        "rate" => new RateFeedback(Score ?? 0, Text),
        "reopen" => new ReopenEscalation(Text ?? "", DueOn ?? default),
        _ => throw new ArgumentException($"Unknown action '{Action}'.", nameof(Action)),
    };
}
