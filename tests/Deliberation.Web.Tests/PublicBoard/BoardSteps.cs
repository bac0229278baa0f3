using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.PublicBoard;

/// <summary>Taking an item to its disclosure through the app, as the clerk and the chair would.</summary>
public static class BoardSteps
{
    public const string Items = "/api/councils/lakeside/items";

    /// <summary>A resident's new topic; returns its id.</summary>
    public static async Task<string> SubmitAsync(this CouncilApp app, string title, string text, string category = "维修 Repairs")
    {
        var resident = await app.SignedInAs("resident");
        var created = await (await resident.Post(Items, new { title, text, category, place = "湖边" })).Expect(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>Accepted, proposed, consulted, voted twice under the village template, and disclosed.</summary>
    public static async Task DiscloseAsync(this CouncilApp app, string itemId)
    {
        var (clerk, chair) = (await app.SignedInAs("clerk"), await app.SignedInAs("chair"));
        var item = $"{Items}/{itemId}";
        await (await clerk.Post($"{item}/accept", new { note = "受理" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/record-proposal", new { text = "按议题办理" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/complete-step")).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/record-consultation", new { summary = "同意" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/complete-step")).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{item}/record-resolution", Count(3, 3))).Expect(HttpStatusCode.OK);
        await (await chair.Post($"{item}/record-resolution", Count(5, 4))).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{item}/disclose", new { })).Expect(HttpStatusCode.OK);
    }

    private static object Count(int present, int @for) => new
    {
        present = new { members = present }, @for = new { members = @for }, against = new { members = 0 }, abstain = new { members = present - @for },
    };
}
