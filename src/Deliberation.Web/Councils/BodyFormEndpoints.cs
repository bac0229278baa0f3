using Deliberation.Web.Errors;
using Deliberation.Domain.Councils;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Orleans;

namespace Deliberation.Web.Councils;

/// <summary>What the clerk's bodies page sends. The practices as "true"/"false" from radio buttons, so that none is left to a default by accident.</summary>
public sealed class BodyForm
{
    public string? BodyId { get; set; }
    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public string? DecisionRuleId { get; set; }
    public string? VotesMayChange { get; set; }
    public string? ProxiesCountTowardQuorum { get; set; }
}

/// <summary>The clerk's bodies page posts here (the same command as <c>POST /api/councils/{c}/bodies</c>).</summary>
public static class BodyFormEndpoints
{
    public static IEndpointRouteBuilder MapBodyForm(this IEndpointRouteBuilder app)
    {
        app.MapPost("/councils/{councilId}/bodies", (string councilId, [FromForm] BodyForm form, HttpContext http, IGrainFactory grains) =>
            FormRedirects.Act($"/councils/{councilId}/bodies", "established", async () =>
                await grains.GetGrain<ICouncilGrain>(councilId).EstablishBodyAsync(new EstablishBody(form.BodyId?.Trim() ?? "", form.NameZh ?? "",
                    form.NameEn ?? "", form.DecisionRuleId ?? "", Flag(form.VotesMayChange, "VotesMayChange"),
                    Flag(form.ProxiesCountTowardQuorum, "ProxiesCountTowardQuorum")), http.Actor())))
            .AccessFor(CouncilRole.Clerk).ExcludeFromDescription();
        return app;
    }

    private static bool Flag(string? value, string field) => value switch
    {
        "true" => true,
        "false" => false,
        _ => throw WebRefusals.ChooseOneOfTwo.Invalid(field),
    };
}
