using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Deliberation.Web.Accounts;

/// <summary>Staff bearer tokens through Microsoft.Identity.Web, with roles from the local account (StaffAccountLink).</summary>
public static class StaffSignIn
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    public static AuthenticationBuilder AddStaffSignIn(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        var services = auth.Services;
        services.AddOptions<StaffTokenOptions>().BindConfiguration(StaffTokenOptions.Section);
        services.AddSingleton<StaffAccountCache>();
        // Before Identity.Web's own configuration: it wraps the events set here (its scope-or-role check runs first)
        // and leaves an issuer or audience check set here alone.
        services.AddOptions<JwtBearerOptions>(Scheme)
            .Configure<IOptions<StaffTokenOptions>>((options, staffTokens) => Configure(options, staffTokens.Value));
        // The section is read when the options are built, so a test host's settings apply too.
        auth.AddMicrosoftIdentityWebApi(configuration.GetSection(StaffTokenOptions.Section), jwtBearerScheme: Scheme);
        return auth;
    }

    private static void Configure(JwtBearerOptions options, StaffTokenOptions staffTokens)
    {
        if (!staffTokens.Enabled) return;
        options.MapInboundClaims = false;
        var parameters = options.TokenValidationParameters;
        parameters.ValidateLifetime = true;
        parameters.ClockSkew = TimeSpan.FromMinutes(1);
        // What Identity.Web accepts for Entra ID (v2 tokens name the client id, v1 tokens its api:// URI), stated here
        // so that a token from another OpenID Connect issuer is checked against the same list.
        var clientUri = staffTokens.ClientId.StartsWith("api://", StringComparison.OrdinalIgnoreCase) ? staffTokens.ClientId : $"api://{staffTokens.ClientId}";
        parameters.ValidAudiences = new[] { staffTokens.ClientId, clientUri, staffTokens.Audience }
            .Where(audience => audience.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (staffTokens.Issuer.Length > 0)
        {
            var expected = staffTokens.Issuer;
            parameters.ValidIssuer = expected;
            parameters.IssuerValidator = (issuer, _, _) => string.Equals(issuer, expected, StringComparison.Ordinal)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException("The token's issuer is not the configured one.");
        }
        if (staffTokens.SigningKeyPem.Length > 0)
        {
            var key = RsaKey(staffTokens.SigningKeyPem);
            parameters.IssuerSigningKey = key;
            // A fixed configuration: the JwtBearer handler then fetches no metadata from the authority.
            var fixedConfiguration = new OpenIdConnectConfiguration { Issuer = staffTokens.Issuer };
            fixedConfiguration.SigningKeys.Add(key);
            options.Configuration = fixedConfiguration;
        }
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = StaffAccountLink.MapToLocalAccountAsync,
            OnAuthenticationFailed = context =>
            {
                // Why a token was refused is for the operator's log, never for the caller.
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Deliberation.StaffTokens")
                    .LogInformation("Bearer token refused: {Reason}", context.Exception.Message);
                return Task.CompletedTask;
            },
        };
    }

    private static RsaSecurityKey RsaKey(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa);
    }
}
