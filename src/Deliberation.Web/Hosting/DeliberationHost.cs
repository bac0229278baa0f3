using Deliberation.Web.Grains;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Accounts;
using Deliberation.Web.Localization;
using Deliberation.Web.ReadSide;
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
        // The silo first among the hosted services: the startup work below already calls grains.
        builder.UseDeliberationSilo();

        // Settings are read when services are built, not here, so a test host's overrides apply too.
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).Validate(o => o.TryValidate(out _), "Storage settings are not valid.");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        // Before any hosted service starts, the silo included: one process per SQLite file.
        services.AddSqliteOwnership();
        services.AddSingleton(TimeProvider.System);
        // First of the hosted services: the schema must exist before the key ring or anything else reads the database.
        services.AddHostedService<StartupWork>();
        // After the silo: at start, every due time that has no reminder gets its grain woken.
        services.AddDueTimes();
        // After the startup work too: a fresh site's record has its first checkpoint before the app takes requests.
        services.AddHostedService<Record.CheckpointsAtStart>();

        services.AddDbContext<DeliberationDb>((sp, options) =>
        {
            var storage = sp.GetRequiredService<StorageOptions>();
            if (storage.IsPostgres) options.UseNpgsql(Runtime.EventLog.PostgresSessions.Prepare(storage.ConnectionString));
            else options.UseSqlite(storage.ConnectionString);
        });
        services.AddSingleton<IEventLog>(sp =>
        {
            var storage = sp.GetRequiredService<StorageOptions>();
            return EventLogFactory.Create(new EventLogOptions { Provider = storage.IsPostgres ? "postgres" : "sqlite", ConnectionString = storage.ConnectionString },
                sp.GetService<ILoggerFactory>());
        });
        services.AddFeatureServices(builder.Configuration);
        services.AddReadSide();

        services.AddSingleton<IXmlRepository, DatabaseKeyRing>();
        services.AddDataProtection().SetApplicationName("Deliberation");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IXmlRepository>((options, keyRing) => options.XmlRepository = keyRing);

        services.AddAccounts(builder.Configuration);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddDeliberationRateLimits();
        services.AddDeliberationProxies();

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

        // Chinese pages as Chinese text, not numeric entities (smaller, and readable in "view source").
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false)));
        // Before the default writer: browsers get an error page in their language, programs the problem document,
        // whose title follows the language they asked for (Errors/).
        services.AddSingleton<IProblemDetailsWriter, Errors.BrowserErrorPages>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (Errors.ProblemLanguage.Chosen(context.HttpContext) is not { } culture) return;
            var text = context.HttpContext.RequestServices.GetRequiredService<UiText>();
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (Errors.ProblemLanguage.Title(text, status, culture) is { } title) context.ProblemDetails.Title = title;
            // The refusal itself too, unless English was asked for: that is the exception's message, as before.
            if (!Languages.IsEnglish(culture)
                && Errors.RefusalWords.For(context.HttpContext, context.Exception, context.ProblemDetails.Detail, text, culture) is { } detail)
                context.ProblemDetails.Detail = detail;
            if (!Languages.IsEnglish(culture) && context.ProblemDetails is Microsoft.AspNetCore.Http.HttpValidationProblemDetails validation)
                Errors.RefusalWords.SayEach(validation.Errors, text, culture);
            context.ProblemDetails.Extensions["language"] = culture.Name;
        });
        // Malformed JSON or a missing body becomes an exception the handler turns into a 400 problem.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Unreachable grains and storage first: 503 with Retry-After, whatever else the exception is.
        services.AddSingleton<UnavailableWarnings>();
        services.AddExceptionHandler<UnavailableAnswers>();
        services.AddExceptionHandler<DomainErrors>();
        services.AddOpenApi();
        services.AddDeliberationCompression();
        services.AddDeliberationHealth();
        builder.AddDeliberationTelemetry();
        // Interactive server components for the live meeting screens only (LiveScreenAttribute); every other page stays
        // static server rendering without script.
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddVisitorAntiforgery();
        if (builder.Environment.IsDevelopment())
        {
            // Plain http on localhost while developing (curl does not send Secure cookies over http); Secure everywhere else.
            services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
                Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
            services.PostConfigure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        }
        return builder;
    }

    public static WebApplication UseDeliberation(this WebApplication app)
    {
        // First: the scheme (Secure cookies) and the client's address (rate limits) as the trusted proxy saw them.
        app.UseForwardedHeaders();
        // HEAD is a GET whose body goes nowhere; compression wraps everything after it (it decides per answer).
        app.UseMiddleware<HeadRequests>();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<RequestBodyLimit>();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseMiddleware<HttpsRequired>();
        app.UseMiddleware<CrossSiteGuard>();
        app.UseAuthentication();
        // After authentication: submissions are limited per person, sign-in attempts per address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<AccessGate>();
        app.UseAntiforgery();
        // After the gate and the language: a cached public page is served only where the page itself would be.
        app.UseOutputCache();

        app.MapOpenApi().WithMetadata(new AccessAttribute(Audience.Public));
        app.MapDeliberationHealth();
        app.MapLanguage();
        app.MapDeliberationFeatures();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode().Add(endpoint =>
        {
            // The framework's script and the circuits' hub carry no rule of ours: the script is a public file, and a
            // circuit's every event handler checks who acts (LiveMeetingActions), as the hub's methods do.
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route }
                && (route.TrimStart('/').StartsWith("_framework") || route.TrimStart('/').StartsWith("_blazor")))
                endpoint.Metadata.Add(new AccessAttribute(Audience.Public));
        });
        return app;
    }
}
