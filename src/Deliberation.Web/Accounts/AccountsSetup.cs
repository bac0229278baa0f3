using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Web.Accounts;

public static class AccountsSetup
{
    public const string SmartScheme = "cookie-or-bearer";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<CouncilUser, IdentityRole>(options =>
            {
                // Villagers sign in on shared phones: a long passphrase beats symbol rules.
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<DeliberationDb>()
            .AddClaimsPrincipalFactory<CouncilClaims>()
            .AddUserManager<CouncilUserManager>()
            .AddDefaultTokenProviders();
        services.AddOptions<LockoutOptions>().BindConfiguration(LockoutOptions.Section);
        services.AddScoped<AccountLockout>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<KnownStreams>();
        services.AddSingleton<CouncilActorCache>();
        services.AddSingleton<IForgetsOnNotice>(sp => sp.GetRequiredService<CouncilActorCache>());
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<IForgetsOnNotice>(sp => sp.GetRequiredService<SessionStamps>());
        services.AddSingleton<IForgetsOnNotice>(sp => sp.GetRequiredService<StaffAccountCache>());

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "deliberation.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/account/sign-in";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            // Every request, not every 30 minutes: a password reset must end the sessions it was made against now.
            cookie.Events.OnValidatePrincipal = ValidateStampAsync;
        });

        var auth = services.AddAuthentication(options =>
        {
            // AddIdentity set its cookie as the default for authenticating; a bearer token must get a look too.
            options.DefaultScheme = SmartScheme;
            options.DefaultAuthenticateScheme = SmartScheme;
            options.DefaultChallengeScheme = SmartScheme;
            options.DefaultForbidScheme = SmartScheme;
        });
        auth.AddPolicyScheme(SmartScheme, "Cookie or bearer token", options =>
            options.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<StaffTokenOptions>>().Value.Enabled
                    ? StaffSignIn.Scheme
                    : IdentityConstants.ApplicationScheme);
        auth.AddStaffSignIn(configuration);

        services.AddAuthorization();
        return services;
    }

    // What Identity's SignInManager.ValidateSecurityStampAsync checks, with the stored stamp read through this node's
    // SessionStamps instead of the database on every request.
    private static async Task ValidateStampAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = userId is null ? null : await services.GetRequiredService<SessionStamps>().CurrentAsync(userId, async id =>
        {
            var user = await services.GetRequiredService<UserManager<CouncilUser>>().FindByIdAsync(id);
            return (user is not null, user?.SecurityStamp ?? "");
        });
        if (stamp is not null && stamp == (context.Principal!.FindFirst(claims.SecurityStampClaimType)?.Value ?? "")) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static Task Status(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
