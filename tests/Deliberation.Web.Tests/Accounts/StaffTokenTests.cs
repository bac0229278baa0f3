using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Deliberation.Web.Tests.Accounts;

/// <summary>
/// Bearer tokens from the county's identity provider through Microsoft.Identity.Web, signed with a key generated here
/// for the test; the issuer's configuration is given to the bearer handler, so nothing is fetched from the network.
/// </summary>
public sealed class StaffTokenTests : IAsyncLifetime
{
    private const string Issuer = "https://login.county.example/tenant";
    private const string Audience = "api://deliberation";
    private readonly RSA _key = RSA.Create(2048);
    private readonly StaffTokenApp _app;
    private string _clerkId = "";

    public StaffTokenTests()
    {
        _app = new StaffTokenApp(_key, StaffSignInSettings());
    }

    public async Task InitializeAsync()
    {
        var clerk = await (await (await _app.SignedInAs("clerk")).GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        _clerkId = clerk.GetProperty("id").GetString()!;
        await LinkAsync(_app, _clerkId, "staff-42");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        _key.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AcceptsATokenForALinkedStaffAccountWithThatAccountsRoles()
    {
        var client = WithToken(_app, Token());

        var me = await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        Assert.Equal("clerk", me.GetProperty("userName").GetString());
        await (await client.GetAsync("/api/councils/lakeside/roles")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RefusesATokenFromAnUntrustedIssuer()
    {
        using var otherKey = RSA.Create(2048);
        var client = WithToken(_app, Token(issuer: "https://evil.example", key: otherKey));

        await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesATokenFromAnotherIssuerEvenSignedWithTheTrustedKey()
    {
        await (await WithToken(_app, Token(issuer: "https://login.county.example/other-tenant")).GetAsync("/api/account/me"))
            .Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesATokenSignedByAnotherKeyEvenWithTheRightIssuer()
    {
        using var otherKey = RSA.Create(2048);

        await (await WithToken(_app, Token(key: otherKey)).GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesAnExpiredToken()
    {
        var client = WithToken(_app, Token(expires: DateTime.UtcNow.AddHours(-1)));

        await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesATokenForAnotherAudience()
    {
        await (await WithToken(_app, Token(audience: "api://someone-else")).GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesATokenWithNeitherScopeNorRole()
    {
        // What Microsoft.Identity.Web asks of a web API's tokens: issued for a permission the API was granted.
        await (await WithToken(_app, Token(scope: null)).GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesAValidTokenWhoseSubjectHasNoLocalAccount()
    {
        await (await WithToken(_app, Token(subject: "staff-99")).GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenIssuedBeforeAPasswordResetStopsWorking()
    {
        var client = WithToken(_app, Token());
        var clerkId = await client.IdOfAsync();

        await (await (await _app.SignedInAs("admin")).ResetAsync("lakeside", clerkId)).Expect(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ABearerWriteNeedsNoOriginCheck()
    {
        var client = WithToken(_app, Token());
        client.DefaultRequestHeaders.Remove("Origin");
        client.DefaultRequestHeaders.Add("Origin", "https://tool.county.example");

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/councils/lakeside/items/item-demo-road/follow"));

        await response.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LooksTheAccountUpOnceForRepeatedRequestsWithTheSameSubject()
    {
        var client = WithToken(_app, Token());
        await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        var lookups = _app.LoginLookups;

        for (var i = 0; i < 3; i++) await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);

        Assert.Equal(lookups, _app.LoginLookups);
    }

    [Fact]
    public async Task LooksTheAccountUpAgainOnceTheRememberedLookupIsAMinuteOld()
    {
        var client = WithToken(_app, Token());
        await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        var lookups = _app.LoginLookups;

        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);

        Assert.True(_app.LoginLookups > lookups);
    }

    [Fact]
    public async Task RefusesTheTokenAtOnceWhenTheAccountIsLockedOutAfterItWasLookedUp()
    {
        var client = WithToken(_app, Token());
        await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);

        // From several addresses: one address alone is held back before it can lock anyone out.
        for (var i = 0; i < 5; i++)
            await _app.Visitor(address: $"203.0.113.{i + 1}").Post("/api/account/sign-in", new { login = "clerk", password = "wrong-password" });

        await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AcceptsATokenSignedWithAKeyDistributedByHand()
    {
        using var app = new CouncilApp(settings: new Dictionary<string, string?>(StaffSignInSettings())
        {
            ["StaffSignIn:SigningKeyPem"] = _key.ExportSubjectPublicKeyInfoPem(),
        });
        var clerk = await (await (await app.SignedInAs("clerk")).GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        await LinkAsync(app, clerk.GetProperty("id").GetString()!, "staff-42");

        var me = await (await WithToken(app, Token()).GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);

        Assert.Equal("clerk", me.GetProperty("userName").GetString());
        using var otherKey = RSA.Create(2048);
        await (await WithToken(app, Token(key: otherKey)).GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    private static Dictionary<string, string?> StaffSignInSettings() => new()
    {
        ["StaffSignIn:Authority"] = Issuer,
        ["StaffSignIn:ClientId"] = Audience,
        ["StaffSignIn:Issuer"] = Issuer,
    };

    private static async Task LinkAsync(CouncilApp app, string userId, string subject)
    {
        var admin = await app.SignedInAs("admin");
        await (await admin.Post($"/api/accounts/{userId}/external-logins", new { issuer = Issuer, subject })).Expect(HttpStatusCode.NoContent);
    }

    private static HttpClient WithToken(CouncilApp app, string token)
    {
        var client = app.Visitor();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string Token(string issuer = Issuer, string audience = Audience, string subject = "staff-42", DateTime? expires = null,
        RSA? key = null, string? scope = "access_as_user")
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var claims = new List<Claim> { new("sub", subject) };
        if (scope is not null) claims.Add(new Claim("scp", scope));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expiry.AddHours(-2),
            IssuedAt = expiry.AddHours(-2),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _key), SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The app with the county issuer's signing key and configuration given to the bearer handler.</summary>
    private sealed class StaffTokenApp(RSA key, IDictionary<string, string?> settings) : CouncilApp(settings: settings)
    {
        private readonly LoginLookupCounter _lookups = new();

        /// <summary>How many queries of the external logins table the app has sent.</summary>
        public int LoginLookups => _lookups.Count;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.Configure<JwtBearerOptions>(StaffSignIn.Scheme, options =>
                {
                    options.TokenValidationParameters.IssuerSigningKey = new RsaSecurityKey(key);
                    options.TokenValidationParameters.ValidIssuer = Issuer;
                    options.TokenValidationParameters.ValidAudience = Audience;
                    options.Configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                });
                services.ConfigureDbContext<DeliberationDb>(options => options.AddInterceptors(_lookups));
            });
        }
    }

    private sealed class LoginLookupCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("AspNetUserLogins", StringComparison.Ordinal)) Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }
}
