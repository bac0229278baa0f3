using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.AgendaItems;

/// <summary>
/// Residents are not named in public: not as submitters, objectors or raters, in the page or the API, by name or by
/// account id. Staff acting in their role are named.
/// </summary>
public sealed class ResidentPrivacyTests(ResidentPrivacyTests.Site site) : IClassFixture<ResidentPrivacyTests.Site>
{
    private const string Items = "/api/councils/lakeside/items";

    /// <summary>The demo council plus a grid worker's topic, disclosed and objected to by three residents; read only by the tests.</summary>
    public sealed class Site : IAsyncLifetime
    {
        public CouncilApp App { get; } = new();
        public Dictionary<string, string> Ids { get; private set; } = null!;
        public string Item { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Ids = await App.UserIdsAsync();
            var (clerk, chair, grid) = (await App.SignedInAs("clerk"), await App.SignedInAs("chair"), await App.SignedInAs("grid"));
            // The grid worker lives in the village too: objecting, they act as a resident, not as staff.
            await (await clerk.Post("/api/councils/lakeside/roles", new
            {
                userId = Ids["孙网格员 Grid worker Sun"], displayName = "孙网格员 Grid worker Sun", role = "Resident", reason = "本村住户",
            })).Expect(HttpStatusCode.NoContent);
            var created = await (await grid.Post(Items, new
            {
                title = "楼道灯坏了", text = "3 号楼楼道灯不亮", category = "维修 Repairs", place = "3 号网格", onBehalfOf = "张奶奶（3-1-201）",
            })).Expect(HttpStatusCode.Created);
            Item = $"{Items}/{created.GetProperty("id").GetString()}";
            await (await clerk.Post($"{Item}/accept", new { note = "受理" })).Expect(HttpStatusCode.OK);
            await (await clerk.Post($"{Item}/record-proposal", new { text = "换灯" })).Expect(HttpStatusCode.OK);
            await (await clerk.Post($"{Item}/complete-step")).Expect(HttpStatusCode.OK);
            await (await clerk.Post($"{Item}/record-consultation", new { summary = "同意" })).Expect(HttpStatusCode.OK);
            await (await clerk.Post($"{Item}/complete-step")).Expect(HttpStatusCode.OK);
            await (await chair.Post($"{Item}/record-resolution", Count(3, 3))).Expect(HttpStatusCode.OK);
            await (await chair.Post($"{Item}/record-resolution", Count(5, 5))).Expect(HttpStatusCode.OK);
            await (await clerk.Post($"{Item}/disclose", new { })).Expect(HttpStatusCode.OK);
            foreach (var objector in new[] { "resident", "member1", "member3" })
                await (await (await App.SignedInAs(objector)).Post($"{Item}/object", new { text = "灯要换成节能的" })).Expect(HttpStatusCode.OK);
            // The demo's kiosks are in their notice period, already objected to by a resident.
            await (await grid.Post($"{Items}/item-demo-kiosks/object", new { text = "1 号亭挡路" })).Expect(HttpStatusCode.OK);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    // Per item: those who acted on it as residents (submitting for themselves, objecting, rating).
    private static readonly Dictionary<string, string[]> Residents = new()
    {
        ["mine"] = ["吴阿姨 Mrs Wu", "张代表 Rep. Zhang", "陈代表 Rep. Chen"],
        ["item-demo-kiosks"] = ["吴阿姨 Mrs Wu", "孙网格员 Grid worker Sun"],
        ["item-demo-road"] = ["吴阿姨 Mrs Wu", "张代表 Rep. Zhang", "陈代表 Rep. Chen"],
    };

    /// <summary>What would give those residents away: account ids, display names (each language's half) and user names.</summary>
    private IEnumerable<string> TracesOf(string item) =>
        Residents[item].SelectMany(name => new[] { site.Ids[name], name, name.Split(' ')[0], name[(name.IndexOf(' ') + 1)..] })
            .Concat(["张奶奶", "member1", "member3"]);

    private string Id(string item) => item == "mine" ? site.Item[(Items.Length + 1)..] : item;

    [Theory]
    [InlineData("mine")]
    [InlineData("item-demo-kiosks")]
    [InlineData("item-demo-road")]
    public async Task PublicItemPageNamesNoResident(string item)
    {
        var response = await site.App.Visitor().GetAsync($"/councils/lakeside/items/{Id(item)}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var trace in TracesOf(item)) Assert.DoesNotContain(trace, html);
        Assert.Contains("居民", html);
        Assert.Contains("王秘书", html);
    }

    [Theory]
    [InlineData("mine")]
    [InlineData("item-demo-kiosks")]
    [InlineData("item-demo-road")]
    public async Task PublicApiAnswersCarryNoResidentsAccountOrName(string item)
    {
        foreach (var path in new[] { $"{Items}/{Id(item)}", Items, $"{Items}/{Id(item)}/verification" })
        {
            var response = await site.App.Visitor().GetAsync(path);

            var json = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (var trace in TracesOf(item)) Assert.DoesNotContain(trace, json);
        }
    }

    [Fact]
    public async Task PublicApiStillNamesTheStaffWhoActed()
    {
        var item = await (await site.App.Visitor().GetAsync(site.Item)).Expect(HttpStatusCode.OK);

        var actors = item.GetProperty("timeline").EnumerateArray().ToDictionary(e => e.GetProperty("sequence").GetInt64(), e => e.GetProperty("actor").GetString());
        Assert.Equal(site.Ids["孙网格员 Grid worker Sun"], actors[1]);
        Assert.Contains(site.Ids["王秘书 Clerk Wang"], actors.Values);
        Assert.Equal("resident", item.GetProperty("onBehalfOf").GetString());
        Assert.All(item.GetProperty("objections").EnumerateArray(), o => Assert.Equal("resident", o.GetProperty("raisedBy").GetString()));
    }

    [Fact]
    public async Task TheClerkHandlingObjectionsSeesWhoRaisedThem()
    {
        var clerk = await site.App.SignedInAs("clerk");

        var item = await (await clerk.GetAsync(site.Item)).Expect(HttpStatusCode.OK);

        Assert.Equal(site.Ids["吴阿姨 Mrs Wu"], item.GetProperty("objections")[0].GetProperty("raisedBy").GetString());
        Assert.Equal("张奶奶（3-1-201）", item.GetProperty("onBehalfOf").GetString());
    }

    private static object Count(int present, int @for) => new
    {
        present = new { members = present }, @for = new { members = @for }, against = new { members = 0 }, abstain = new { members = present - @for },
    };
}
