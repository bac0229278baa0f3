using Deliberation.Web.Errors;
using Deliberation.Domain;
using Deliberation.Domain.Councils;
using Orleans;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Deliberation.Web.Councils;

public sealed class PeopleForm
{
    public string? Login { get; set; }
    public string? UserId { get; set; }
    public CouncilRole? Role { get; set; }
    public string? Body { get; set; }
    public decimal? Weight { get; set; }
    public string? Reason { get; set; }
    public string? NewPassword { get; set; }
}

/// <summary>The clerk's people page posts here: grant, revoke, reset a password. Each is an event in the council's log.</summary>
public static class PeopleFormEndpoints
{
    public static IEndpointRouteBuilder MapPeopleForms(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/councils/{councilId}/people").ExcludeFromDescription();

        people.MapPost("/grant", (string councilId, [FromForm] PeopleForm form, HttpContext http, IGrainFactory grains, SignInService accounts) =>
            Attempt(councilId, "grant", async () =>
            {
                var user = await accounts.FindAsync(form.Login ?? "") ?? throw WebRefusals.NoAccountLogin.Invalid();
                await grains.GetGrain<ICouncilGrain>(councilId).GrantRoleAsync(new GrantRole(user.Id, user.DisplayName,
                    form.Role ?? throw WebRefusals.ChooseRole.Invalid(), string.IsNullOrWhiteSpace(form.Body) ? null : form.Body,
                    form.Weight, form.Reason ?? ""), http.Actor());
            })).AccessFor(CouncilRole.Clerk);

        people.MapPost("/revoke", (string councilId, [FromForm] PeopleForm form, HttpContext http, IGrainFactory grains) =>
            Attempt(councilId, "revoke", () => grains.GetGrain<ICouncilGrain>(councilId).RevokeRoleAsync(new RevokeRole(form.UserId ?? "",
                form.Role ?? throw WebRefusals.ChooseRole.Invalid(), string.IsNullOrWhiteSpace(form.Body) ? null : form.Body,
                form.Reason ?? ""), http.Actor()))).AccessFor(CouncilRole.Clerk);

        people.MapPost("/reset-password", (string councilId, [FromForm] PeopleForm form, HttpContext http) =>
            Attempt(councilId, "reset-password", async () =>
            {
                var problem = await PasswordReset.ResetAsync(http, councilId, form.UserId ?? "", form.NewPassword ?? "", form.Reason ?? "");
                if (problem is not null) throw new ArgumentException(problem);
            })).AccessFor(CouncilRole.Clerk);
        return app;
    }

    private static Task<IResult> Attempt(string councilId, string done, Func<Task> act)
    {
        var page = $"/councils/{councilId}/people";
        return FormRedirects.Attempt(page, async () =>
        {
            await act();
            return $"{page}?done={done}";
        });
    }
}
