using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Grains;
using Deliberation.Web.Accounts;
using Deliberation.Web.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Hosting;

/// <summary>How the app is put together; each feature adds itself through its own extension.</summary>
public static class DeliberationHost
{
    public static WebApplicationBuilder AddDeliberation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        storage.Validate();
        services.AddSingleton(storage);
        services.AddSingleton(TimeProvider.System);

        services.AddDbContext<DeliberationDb>(options =>
        {
            if (storage.IsPostgres) options.UseNpgsql(storage.ConnectionString);
            else options.UseSqlite(storage.ConnectionString);
        });
        services.AddEventLog(new EventLogOptions
        {
            Provider = storage.IsPostgres ? "postgres" : "sqlite",
            ConnectionString = storage.ConnectionString,
        });
        services.AddGrains(_ => { });
        services.AddCouncilGrains();

        services.AddSingleton<IXmlRepository, DatabaseKeyRing>();
        services.AddDataProtection().SetApplicationName("Deliberation");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IXmlRepository>((options, keyRing) => options.XmlRepository = keyRing);

        var staffTokens = configuration.GetSection(StaffTokenOptions.Section).Get<StaffTokenOptions>() ?? new StaffTokenOptions();
        services.AddSingleton(staffTokens);
        services.AddAccounts(staffTokens);
        services.AddDeliberationRateLimits(configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions());

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "deliberation.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.HttpOnly = true;
        });
        services.AddSingleton<UiText>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Languages.Chinese)
                .AddSupportedCultures(Languages.Supported)
                .AddSupportedUICultures(Languages.Supported);
            // Chinese unless the visitor chose otherwise: the cookie first, then ?culture=, never the browser's guess.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });

        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        // Malformed JSON or a missing body becomes an exception the handler turns into a 400 problem.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<DomainErrors>();
        services.AddOpenApi();
        services.AddRazorComponents();
        services.AddHostedService<StartupWork>();
        return builder;
    }

    public static WebApplication UseDeliberation(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AccessGate>();
        app.UseAntiforgery();

        app.MapOpenApi().WithMetadata(new AccessAttribute(Audience.Public));
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).Access(Audience.Public).ExcludeFromDescription();
        app.MapLanguage();
        app.MapDeliberationFeatures();
        app.MapRazorComponents<Components.App>().Add(endpoint =>
        {
            // The framework's own script endpoint carries no rule of ours; it serves a public file.
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.TrimStart('/').StartsWith("_framework"))
                endpoint.Metadata.Add(new AccessAttribute(Audience.Public));
        });
        return app;
    }
}
