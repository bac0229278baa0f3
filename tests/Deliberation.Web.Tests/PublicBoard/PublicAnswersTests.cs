using System.Net;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.PublicBoard;

/// <summary>Public pages answer HEAD, are compressed where no secret rides along, and the item page stays small.</summary>
public sealed class PublicAnswersTests : IDisposable
{
    private static readonly string[] PublicPages =
    [
        "/", "/councils/lakeside", "/councils/lakeside/board", "/councils/lakeside/board?q=垃圾", "/councils/lakeside/items/item-demo-kiosks",
        "/councils/lakeside/meetings/meeting-demo-next", "/councils/lakeside/feed.atom", "/councils/lakeside/decisions.json",
        "/councils/lakeside/decisions.csv", "/api/councils/lakeside/items",
    ];

    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryPublicPageAnswersHeadAsItAnswersGet()
    {
        var visitor = _app.Visitor();
        foreach (var page in PublicPages)
        {
            var get = await visitor.GetAsync(page);
            var head = await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, page));

            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {page}: {(int)head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task PublicReadsAreCompressedForVisitorsOnly()
    {
        var visitor = _app.Visitor();
        var signedIn = await _app.SignedInAs("clerk");
        foreach (var client in new[] { visitor, signedIn }) client.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");

        foreach (var page in new[] { "/councils/lakeside/board?q=垃圾", "/councils/lakeside/items/item-demo-kiosks", "/councils/lakeside/feed.atom", "/councils/lakeside/decisions.csv", "/councils/lakeside/decisions.json" })
        {
            var answer = await visitor.GetAsync(page);
            Assert.True(answer.Content.Headers.ContentEncoding.Contains("br"), $"{page} is not compressed for a visitor");
        }
        // A page with a form carries an antiforgery token; signed in, every page may.
        var signIn = await visitor.GetAsync("/account/sign-in?returnUrl=%2F");
        var asClerk = await signedIn.GetAsync("/councils/lakeside/items/item-demo-kiosks");
        Assert.Empty(signIn.Content.Headers.ContentEncoding);
        Assert.Empty(asClerk.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task TheItemPageIsUnderOneHundredKilobytes()
    {
        var page = await _app.Visitor().GetByteArrayAsync("/councils/lakeside/items/item-demo-road");

        Assert.InRange(page.Length, 1, 100 * 1024);
    }
}
