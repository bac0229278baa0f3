using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.Comments;

/// <summary>One app for the comments tests, with its people signed in once; each test takes its own item.</summary>
public sealed class CommentsApp : IAsyncLifetime
{
    public const string Items = "/api/councils/lakeside/items";

    public CouncilApp App { get; } = new();
    public HttpClient Clerk { get; private set; } = null!;
    public HttpClient Chair { get; private set; } = null!;
    public HttpClient Resident { get; private set; } = null!;
    public HttpClient Unverified { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (Clerk, Chair, Resident, Unverified) =
            (await App.SignedInAs("clerk"), await App.SignedInAs("chair"), await App.SignedInAs("resident"), await App.SignedInAs("visitor"));
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A resident's topic (they follow it), accepted and taken to its consultation step: returns its id.</summary>
    public async Task<string> ConsultingItemAsync(string title = "村口路灯不亮")
    {
        var created = await (await Resident.Post(Items, new { title, text = "村口三盏路灯不亮", category = "维修 Repairs", place = "村口" }))
            .Expect(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        await (await Clerk.Post($"{Items}/{id}/accept", new { note = "受理" })).Expect(HttpStatusCode.OK);
        await (await Clerk.Post($"{Items}/{id}/record-proposal", new { text = "更换三盏路灯" })).Expect(HttpStatusCode.OK);
        await (await Clerk.Post($"{Items}/{id}/complete-step")).Expect(HttpStatusCode.OK);
        return id;
    }

    /// <summary>From consultation through the votes to the disclosure of the resolution: the item is public from here.</summary>
    public async Task DiscloseAsync(string id)
    {
        await (await Clerk.Post($"{Items}/{id}/record-consultation", new { summary = "同意更换" })).Expect(HttpStatusCode.OK);
        await (await Clerk.Post($"{Items}/{id}/complete-step")).Expect(HttpStatusCode.OK);
        await (await Chair.Post($"{Items}/{id}/record-resolution", Count(3, 3))).Expect(HttpStatusCode.OK);
        await (await Chair.Post($"{Items}/{id}/record-resolution", Count(5, 5))).Expect(HttpStatusCode.OK);
        await (await Clerk.Post($"{Items}/{id}/disclose", new { })).Expect(HttpStatusCode.OK);
    }

    public Task<HttpResponseMessage> OpenAsync(string id) => Clerk.Post($"{Items}/{id}/comments/open", new { reason = "请大家提意见" });

    public Task<HttpResponseMessage> PostAsync(HttpClient by, string id, string text, string? clientCommentId = null) =>
        by.Post($"{Items}/{id}/comments", new { text, clientCommentId = clientCommentId ?? Guid.NewGuid().ToString("n") });

    private static object Count(int present, int @for) => new
    {
        present = new { members = present }, @for = new { members = @for }, against = new { members = 0 }, abstain = new { members = present - @for },
    };
}
