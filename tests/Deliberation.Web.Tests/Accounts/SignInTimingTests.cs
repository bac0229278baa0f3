using System.Diagnostics;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Accounts;

public sealed class SignInTimingTests
{
    [Fact]
    public async Task AnUnknownUserNameTakesAboutAsLongAsAWrongPassword()
    {
        using var app = new CouncilApp(settings: new Dictionary<string, string?> { ["Lockout:WrongPasswords"] = "1000" })
            .WithProductionPasswordHashing();
        var client = app.Visitor();
        await Attempt(client, "chair");
        await Attempt(client, "nobody-at-all");

        var wrong = new List<double>();
        var unknown = new List<double>();
        for (var round = 0; round < 7; round++)
        {
            wrong.Add(await Attempt(client, "chair"));
            unknown.Add(await Attempt(client, $"nobody-{round}"));
        }

        // Generous, so a busy machine does not make it flaky; today's gap was 11 ms against 436 ms.
        Assert.True(Median(unknown) >= 0.5 * Median(wrong), $"unknown {Median(unknown):F1} ms, wrong password {Median(wrong):F1} ms");
    }

    private static async Task<double> Attempt(HttpClient client, string login)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.Post("/api/account/sign-in", new { login, password = "not-the-password" });
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
