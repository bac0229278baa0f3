using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.DecisionRules;

public sealed class EvaluateEndpointTests(EvaluateEndpointTests.App app) : IClassFixture<EvaluateEndpointTests.App>
{
    public sealed class App() : CouncilApp(seedDemo: false);

    private const string Evaluate = "/api/decision-rules/evaluate";

    [Fact]
    public async Task AnswersEveryVectorExactlyAsExpected()
    {
        var vectors = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "DecisionRules", "decision-rules.json")))!;
        var client = app.Visitor();
        var wrong = new List<string>();

        foreach (var vector in vectors["cases"]!.AsArray())
        {
            var answer = await (await client.PostAsJsonAsync(Evaluate, vector)).Expect(HttpStatusCode.OK);
            var expect = vector!["expect"]!;
            if (answer.GetProperty("quorum").GetBoolean() != expect["quorum"]!.GetValue<bool>()
                || answer.GetProperty("passes").GetBoolean() != expect["passes"]!.GetValue<bool>())
                wrong.Add(vector["id"]!.GetValue<string>());
        }

        Assert.Empty(wrong);
        Assert.Equal(214, vectors["cases"]!.AsArray().Count);
    }

    [Fact]
    public async Task SaysHowManyMoreForVotesWouldMakeItPass()
    {
        var answer = await (await app.Visitor().PostAsJsonAsync(Evaluate, Case("simple-majority", 50, 30, 12, 12, 6))).Expect(HttpStatusCode.OK);

        Assert.False(answer.GetProperty("passes").GetBoolean());
        Assert.Equal(1, answer.GetProperty("moreForVotes").GetInt32());
    }

    [Theory]
    [InlineData("""{"rule":"no-such-rule","electorate":{"members":5,"weight":"5"},"present":{"members":5,"weight":"5"},"for":{"members":5,"weight":"5"},"against":{"members":0,"weight":"0"},"abstain":{"members":0,"weight":"0"}}""", "rule")]
    [InlineData("""{"rule":"two-thirds","electorate":{"members":5,"weight":"5"},"present":{"members":5,"weight":"5"},"for":{"members":-1,"weight":"0"},"against":{"members":0,"weight":"0"},"abstain":{"members":0,"weight":"0"}}""", "for.members")]
    [InlineData("""{"rule":"two-thirds","electorate":{"members":5,"weight":"5"},"present":{"members":6,"weight":"6"},"for":{"members":3,"weight":"3"},"against":{"members":0,"weight":"0"},"abstain":{"members":0,"weight":"0"}}""", "present")]
    [InlineData("""{"rule":"owners-major","electorate":{"members":5,"weight":"lots"},"present":{"members":5,"weight":"5"},"for":{"members":3,"weight":"3"},"against":{"members":0,"weight":"0"},"abstain":{"members":0,"weight":"0"}}""", "electorate.weight")]
    [InlineData("""{"rule":"owners-major","present":{"members":5,"weight":"5"},"for":{"members":3,"weight":"3"},"against":{"members":0,"weight":"0"},"abstain":{"members":0,"weight":"0"}}""", "electorate")]
    public async Task RefusesBadInputNamingTheField(string body, string field)
    {
        var response = await app.Visitor().PostAsync(Evaluate, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task RefusesABodyThatIsNotJson()
    {
        var response = await app.Visitor().PostAsync(Evaluate, new StringContent("rule=two-thirds", System.Text.Encoding.UTF8, "application/json"));

        await response.ExpectProblem(HttpStatusCode.BadRequest);
    }

    private static object Case(string rule, int electorate, int present, int @for, int against, int abstain) => new
    {
        rule,
        electorate = new { members = electorate, weight = electorate.ToString() },
        present = new { members = present, weight = present.ToString() },
        @for = new { members = @for, weight = @for.ToString() },
        against = new { members = against, weight = against.ToString() },
        abstain = new { members = abstain, weight = abstain.ToString() },
    };
}
