using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Deliberation.Web.Tests.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Deliberation.Web.Tests.Accounts;

/// <summary>Bearer tokens from the county's identity provider, signed with a key generated here for the test.</summary>
public sealed class StaffTokenTests : IAsyncLifetime
{
    private const string Issuer = "https://login.county.example/tenant";
    private const string Audience = "api://deliberation";
    private readonly RSA _key = RSA.Create(2048);
    private readonly CouncilApp _app;

    public StaffTokenTests()
    {
        _app = new CouncilApp(settings: new Dictionary<string, string?>
        {
            ["Jwt:Issuer"] = Issuer,
            ["Jwt:Audience"] = Audience,
            ["Jwt:SigningKeyPem"] = _key.ExportSubjectPublicKeyInfoPem(),
        });
    }

    public async Task InitializeAsync()
    {
        var admin = await _app.SignedInAs("admin");
        var clerk = await (await (await _app.SignedInAs("clerk")).GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        await (await admin.Post($"/api/accounts/{clerk.GetProperty("id").GetString()}/external-logins",
            new { issuer = Issuer, subject = "staff-42" })).Expect(HttpStatusCode.NoContent);
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
        var client = WithToken(Token());

        var me = await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.OK);
        Assert.Equal("clerk", me.GetProperty("userName").GetString());
        await (await client.GetAsync("/api/councils/lakeside/roles")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RefusesATokenFromAnUntrustedIssuer()
    {
        using var otherKey = RSA.Create(2048);
        var client = WithToken(Token(issuer: "https://evil.example", key: otherKey));

        await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesATokenSignedByAnotherKeyEvenWithTheRightIssuer()
    {
        using var otherKey = RSA.Create(2048);

        await (await WithToken(Token(key: otherKey)).GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesAnExpiredToken()
    {
        var client = WithToken(Token(expires: DateTime.UtcNow.AddHours(-1)));

        await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesATokenForAnotherAudience()
    {
        await (await WithToken(Token(audience: "api://someone-else")).GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesAValidTokenWhoseSubjectHasNoLocalAccount()
    {
        await (await WithToken(Token(subject: "staff-99")).GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenIssuedBeforeAPasswordResetStopsWorking()
    {
        var client = WithToken(Token());
        var clerkId = await client.IdOfAsync();

        await (await (await _app.SignedInAs("admin")).ResetAsync("lakeside", clerkId)).Expect(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/account/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ABearerWriteNeedsNoOriginCheck()
    {
        var client = WithToken(Token());
        client.DefaultRequestHeaders.Remove("Origin");
        client.DefaultRequestHeaders.Add("Origin", "https://tool.county.example");

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/councils/lakeside/items/item-demo-road/follow"));

        await response.Expect(HttpStatusCode.OK);
    }

    private HttpClient WithToken(string token)
    {
        var client = _app.Visitor();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string Token(string issuer = Issuer, string audience = Audience, string subject = "staff-42", DateTime? expires = null, RSA? key = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            NotBefore = expiry.AddHours(-2),
            IssuedAt = expiry.AddHours(-2),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _key), SecurityAlgorithms.RsaSha256),
        });
    }
}
