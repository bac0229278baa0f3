using Microsoft.AspNetCore.Identity;

namespace Deliberation.Web.Accounts;

public sealed record LinkExternalLogin(string Issuer, string Subject);

public static class ExternalLoginEndpoints
{
    /// <summary>The administrator ties a person's identity-provider subject to their local account (see StaffAccountLink).</summary>
    public static IEndpointRouteBuilder MapExternalLogins(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/accounts/{userId}/external-logins", async (string userId, LinkExternalLogin request, UserManager<CouncilUser> users) =>
        {
            if (string.IsNullOrWhiteSpace(request.Issuer) || string.IsNullOrWhiteSpace(request.Subject))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["issuer"] = ["Give the issuer and the subject."] });
            var user = await users.FindByIdAsync(userId);
            if (user is null) return Results.Problem(statusCode: 404, detail: "There is no such account.");
            var result = await users.AddLoginAsync(user, new UserLoginInfo(request.Issuer, request.Subject, request.Issuer));
            return result.Succeeded
                ? Results.NoContent()
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = result.Errors.Select(e => e.Description).ToArray() });
        }).Access(Audience.Administrator).WithTags("Accounts");
        return app;
    }
}
