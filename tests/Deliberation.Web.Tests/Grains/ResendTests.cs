using System.Net;
using System.Net.Http.Json;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Grains;

/// <summary>
/// Every command a person may send again (after a timeout, an unknown outcome, a lost answer) carries an idempotency
/// key: sent again with the same key it is recorded once and answered as the first time; another key is another request.
/// </summary>
public sealed class ResendTests
{
    private const string Council = CouncilAppSteps.Council;
    private const string Items = Council + "/items";

    [Fact]
    public async Task ASubmittedTopicResentWithTheSameKeyIsOneItem()
    {
        using var app = new CouncilApp();
        var resident = await app.SignedInAs("resident");
        var topic = new { title = "码头加装护栏", text = "孩子常在码头玩", category = "其他 Other", place = "码头" };
        var before = await ItemCountAsync(app);

        var first = await (await Send(resident, Items, topic, "topic-5d2e")).Expect(HttpStatusCode.Created);
        var again = await (await Send(resident, Items, topic, "topic-5d2e")).Expect(HttpStatusCode.Created);
        var other = await (await Send(resident, Items, topic, "topic-9a71")).Expect(HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.NotEqual(first.GetProperty("id").GetString(), other.GetProperty("id").GetString());
        Assert.Equal(before + 2, await ItemCountAsync(app));
    }

    [Fact]
    public async Task AnObjectionResentWithTheSameKeyIsRecordedOnce()
    {
        using var app = new CouncilApp();
        var resident = await app.SignedInAs("resident");
        var objection = new { text = "分类亭离水井太近" };
        var before = await CountAsync(app, "item-demo-kiosks", "ObjectionRaised");

        await (await Send(resident, $"{Items}/item-demo-kiosks/object", objection, "objection-1")).Expect(HttpStatusCode.OK);
        // The key in the body does the same as the header.
        await (await resident.Post($"{Items}/item-demo-kiosks/object", new { objection.text, requestId = "objection-1" })).Expect(HttpStatusCode.OK);
        var afterResend = await CountAsync(app, "item-demo-kiosks", "ObjectionRaised");
        await (await Send(resident, $"{Items}/item-demo-kiosks/object", objection, "objection-2")).Expect(HttpStatusCode.OK);

        Assert.Equal(before + 1, afterResend);
        Assert.Equal(before + 2, await CountAsync(app, "item-demo-kiosks", "ObjectionRaised"));
    }

    [Fact]
    public async Task ProgressResentWithTheSameKeyIsReportedOnce()
    {
        using var app = new CouncilApp();
        var property = await app.SignedInAs("property");
        var progress = new { text = "许可证已办好。", percentDone = 80 };
        var before = await CountAsync(app, "item-demo-canteen", "ProgressReported");

        await (await Send(property, $"{Items}/item-demo-canteen/report-progress", progress, "progress-1")).Expect(HttpStatusCode.OK);
        await (await Send(property, $"{Items}/item-demo-canteen/report-progress", progress, "progress-1")).Expect(HttpStatusCode.OK);
        var afterResend = await CountAsync(app, "item-demo-canteen", "ProgressReported");
        await (await Send(property, $"{Items}/item-demo-canteen/report-progress", progress, "progress-2")).Expect(HttpStatusCode.OK);

        Assert.Equal(before + 1, afterResend);
        Assert.Equal(before + 2, await CountAsync(app, "item-demo-canteen", "ProgressReported"));
    }

    [Fact]
    public async Task ARatingResentWithTheSameKeyIsCountedOnce()
    {
        using var app = new CouncilApp();
        var member2 = await app.SignedInAs("member2");
        await ResultDisclosedAsync(app);
        var before = await CountAsync(app, "item-demo-canteen", "ResultRated");

        await (await Send(member2, $"{Items}/item-demo-canteen/rate", new { score = 4 }, "rating-1")).Expect(HttpStatusCode.OK);
        await (await Send(member2, $"{Items}/item-demo-canteen/rate", new { score = 4 }, "rating-1")).Expect(HttpStatusCode.OK);
        // Another key is another request: a second rating, which the process refuses.
        await (await Send(member2, $"{Items}/item-demo-canteen/rate", new { score = 4 }, "rating-2")).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before + 1, await CountAsync(app, "item-demo-canteen", "ResultRated"));
    }

    [Fact]
    public async Task AnInvitationResentWithTheSameKeyIsIssuedOnceWithTheSameCode()
    {
        using var app = new CouncilApp();
        var clerk = await app.SignedInAs("clerk");
        var household = new { household = "湖边 12 号", grid = "一网格" };
        var before = await CountAsync(app, "council-lakeside", "InvitationIssued", stream: "council-lakeside");

        var first = await (await Send(clerk, $"{Council}/invitations", household, "invite-3f0c2a9e41d84b7f")).Expect(HttpStatusCode.OK);
        var again = await (await Send(clerk, $"{Council}/invitations", household, "invite-3f0c2a9e41d84b7f")).Expect(HttpStatusCode.OK);
        var other = await (await Send(clerk, $"{Council}/invitations", household, "invite-a6b1c0d7e2f94c55")).Expect(HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("code").GetString(), again.GetProperty("code").GetString());
        Assert.NotEqual(first.GetProperty("code").GetString(), other.GetProperty("code").GetString());
        Assert.Equal(before + 2, await CountAsync(app, "council-lakeside", "InvitationIssued", stream: "council-lakeside"));
        // The code the resend answered is the one recorded: it lets a new resident join.
        var newcomer = await app.SignUpAsync("newcomer");
        await (await newcomer.Post($"{Council}/invitations/redeem", new { code = again.GetProperty("code").GetString() })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AKeyIsItsSendersOwn()
    {
        using var app = new CouncilApp();
        var (member2, member4) = (await app.SignedInAs("member2"), await app.SignedInAs("member4"));
        await ResultDisclosedAsync(app);
        var before = await CountAsync(app, "item-demo-canteen", "ResultRated");

        await (await Send(member2, $"{Items}/item-demo-canteen/rate", new { score = 4 }, "same-key")).Expect(HttpStatusCode.OK);
        await (await Send(member4, $"{Items}/item-demo-canteen/rate", new { score = 2 }, "same-key")).Expect(HttpStatusCode.OK);

        Assert.Equal(before + 2, await CountAsync(app, "item-demo-canteen", "ResultRated"));
    }

    /// <summary>The demo's canteen, in implementation, taken to its disclosed result: residents may rate it.</summary>
    private static async Task ResultDisclosedAsync(CouncilApp app)
    {
        var (property, clerk) = (await app.SignedInAs("property"), await app.SignedInAs("clerk"));
        await (await property.Post($"{Items}/item-demo-canteen/complete-implementation", new { summary = "食堂已开业。" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{Items}/item-demo-canteen/disclose-result", new { text = "食堂按期开业。" })).Expect(HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<int> ItemCountAsync(CouncilApp app) =>
        (await app.Services.GetRequiredService<IEventLog>().ListStreamsAsync("agenda-item", "lakeside")).Count;

    private static async Task<int> CountAsync(CouncilApp app, string item, string type, string? stream = null) =>
        (await app.Services.GetRequiredService<IEventLog>().ReadStreamAsync(stream ?? $"agenda-item-{item}")).Count(e => e.EventType == type);
}
