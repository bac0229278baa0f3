using System.ComponentModel.DataAnnotations;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Accounts;

public sealed record SignInRequest(string Login, string Password, bool Remember = false);

public sealed record SignUpRequest(string UserName, string DisplayName, string Password, string? PhoneNumber);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>The account as its owner sees it, with what happened to it that they should know: the last reset, missed lockouts.</summary>
public sealed record AccountView(string Id, string UserName, string DisplayName, string? PhoneNumber, bool IsAdministrator,
    bool MustChangePassword = false, PasswordResetMark? LastPasswordReset = null, LockoutMark? Lockouts = null);

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Accounts");

        account.MapPost("/sign-in", async (SignInRequest request, SignInService signIn, HttpContext http, DeliberationDb db) =>
        {
            var attempt = await signIn.SignInAsync(request.Login ?? "", request.Password ?? "", request.Remember);
            return attempt.Outcome switch
            {
                SignInOutcome.SignedIn => Results.Ok(await ViewOf(attempt.User!, signIn, db)),
                SignInOutcome.LockedOut => ProblemTypes.Problem(http, StatusCodes.Status423Locked, ProblemTypes.AccountLocked, "Locked out",
                    "Too many wrong passwords: the account is locked for a while (see Retry-After); the owner will be told.", attempt.RetryAfter),
                SignInOutcome.HeldBack => ProblemTypes.Problem(http, StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited,
                    "Too many requests", "Too many wrong passwords from here. Wait and try again (see Retry-After).", attempt.RetryAfter),
                _ => Results.Problem(statusCode: 401, title: "Not signed in", detail: "Wrong user name, phone number or password."),
            };
        }).Access(Audience.Public).AllowBeforePasswordChange().RequireRateLimiting(RateLimits.SignIn);

        account.MapPost("/sign-out", async (SignInManager<CouncilUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        }).Access(Audience.SignedIn).AllowBeforePasswordChange();

        account.MapPost("/password", async (ChangePasswordRequest request, HttpContext http, UserManager<CouncilUser> users,
            SignInManager<CouncilUser> signIn, DeliberationDb db) =>
        {
            var errors = await PasswordChange.ChangeAsync(http.User, request.CurrentPassword ?? "", request.NewPassword ?? "", users, signIn, db);
            return errors.Count == 0 ? Results.NoContent()
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [.. errors] });
        }).Access(Audience.SignedIn).AllowBeforePasswordChange();

        account.MapPost("/sign-up", async (SignUpRequest request, UserManager<CouncilUser> users, TimeProvider clock) =>
        {
            var errors = Validate(request);
            if (request.PhoneNumber is { Length: > 0 } phone && await users.Users.AnyAsync(u => u.PhoneNumber == phone))
                errors["phoneNumber"] = ["This phone number is already in use."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);

            var user = new CouncilUser
            {
                UserName = request.UserName.Trim(),
                DisplayName = request.DisplayName.Trim(),
                PhoneNumber = string.IsNullOrWhiteSpace(request.PhoneNumber) ? null : request.PhoneNumber.Trim(),
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, request.Password);
            if (!created.Succeeded)
                return Results.ValidationProblem(created.Errors.GroupBy(e => e.Code.Contains("Password") ? "password" : "userName")
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
            return Results.Created($"/api/account/me", new AccountView(user.Id, user.UserName!, user.DisplayName, user.PhoneNumber, false));
        }).Access(Audience.Public).RequireRateLimiting(RateLimits.SignIn);

        account.MapGet("/me", async (HttpContext http, UserManager<CouncilUser> users, SignInService signIn, DeliberationDb db) =>
        {
            var user = await users.GetUserAsync(http.User);
            return user is null ? Results.Problem(statusCode: 401, detail: "Sign in first.") : Results.Ok(await ViewOf(user, signIn, db));
        }).Access(Audience.SignedIn).AllowBeforePasswordChange();

        return app;
    }

    private static async Task<AccountView> ViewOf(CouncilUser user, SignInService signIn, DeliberationDb db) =>
        new(user.Id, user.UserName!, user.DisplayName, user.PhoneNumber, await signIn.IsAdministratorAsync(user),
            await AccountMarks.HasAsync(db, user.Id, AccountMarks.MustChangePassword),
            await AccountMarks.GetAsync<PasswordResetMark>(db, user.Id, AccountMarks.LastReset),
            await AccountMarks.GetAsync<LockoutMark>(db, user.Id, AccountMarks.LockoutNotice));

    private static Dictionary<string, string[]> Validate(SignUpRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Trim().Length is < 3 or > 40)
            errors["userName"] = ["A user name has 3 to 40 characters."];
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 60)
            errors["displayName"] = ["Give the name people know you by (at most 60 characters)."];
        if (request.PhoneNumber is { Length: > 0 } phone && !new PhoneAttribute().IsValid(phone))
            errors["phoneNumber"] = ["This is not a phone number."];
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = ["Choose a password of at least 8 characters."];
        return errors;
    }
}
