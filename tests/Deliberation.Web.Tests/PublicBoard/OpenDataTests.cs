using System.Net;
using System.Text;
using System.Xml.Linq;
using Deliberation.Web.Tests.Hosting;

namespace Deliberation.Web.Tests.PublicBoard;

/// <summary>The board's feed and open data as common clients read them: a feed reader, a spreadsheet, a JSON client.</summary>
public sealed class OpenDataTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheAtomFeedIsWellFormedWithAStableEntryPerDisclosure()
    {
        var response = await _app.Visitor().GetAsync("/councils/lakeside/feed.atom");
        var first = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var again = XDocument.Parse(await _app.Visitor().GetStringAsync("/councils/lakeside/feed.atom"));

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = first.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.False(string.IsNullOrEmpty(feed.Element(Atom + "id")?.Value));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")?.Value, out _));
        Assert.NotNull(feed.Element(Atom + "title"));
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(4, entries.Count); // kiosks, canteen, road, and the fence rejected
        foreach (var entry in entries)
        {
            Assert.NotNull(entry.Element(Atom + "title"));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")?.Value, out _));
            Assert.StartsWith("https://localhost/councils/lakeside/items/", entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value);
        }
        var kiosks = entries.Single(e => e.Element(Atom + "title")!.Value == "垃圾分类亭选址");
        Assert.Equal("https://localhost/councils/lakeside/items/item-demo-kiosks", kiosks.Element(Atom + "id")!.Value);
        Assert.Equal(entries.Select(e => e.Element(Atom + "id")!.Value), again.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value));
    }

    [Fact]
    public async Task TheCsvRoundTripsChineseTextBehindAByteOrderMark()
    {
        var id = await _app.SubmitAsync("灯, \"亮\" 起来", "第一行，有逗号, 和 \"引号\"\n第二行");
        await _app.DiscloseAsync(id);

        var response = await _app.Visitor().GetAsync("/councils/lakeside/decisions.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = Rfc4180(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var header = rows[0];
        Assert.All(rows, row => Assert.Equal(header.Count, row.Count));
        var mine = rows.Where(r => r[header.IndexOf("item_id")] == id).ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, r => Assert.Equal("灯, \"亮\" 起来", r[header.IndexOf("title")]));
        Assert.All(mine, r => Assert.Equal("第一行，有逗号, 和 \"引号\"\n第二行", r[header.IndexOf("text")]));
        Assert.Equal(["3", "5"], mine.Select(r => r[header.IndexOf("present")]));
        Assert.Equal(["3", "4"], mine.Select(r => r[header.IndexOf("for")]));
        Assert.Contains(rows, r => r[header.IndexOf("title")] == "垃圾分类亭选址");
    }

    [Fact]
    public async Task TheJsonListsEachDisclosedDecisionWithItsVotes()
    {
        var decisions = await (await _app.Visitor().GetAsync("/councils/lakeside/decisions.json")).Expect(HttpStatusCode.OK);

        var kiosks = decisions.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "item-demo-kiosks");
        Assert.Equal(4, decisions.GetArrayLength());
        Assert.Equal("垃圾分类亭选址", kiosks.GetProperty("title").GetString());
        Assert.Equal("https://localhost/councils/lakeside/items/item-demo-kiosks", kiosks.GetProperty("url").GetString());
        var votes = kiosks.GetProperty("votes").EnumerateArray().ToList();
        Assert.Equal(2, votes.Count);
        Assert.Equal("villager-representatives", votes[1].GetProperty("bodyId").GetString());
        Assert.Equal(4, votes[1].GetProperty("for").GetProperty("members").GetInt32());
        Assert.True(votes[1].GetProperty("adopted").GetBoolean());
        Assert.False(kiosks.TryGetProperty("submittedBy", out _));
    }

    [Fact]
    public async Task TheFeedAndOpenDataAreInTheOpenApiDocument()
    {
        var document = await _app.Visitor().GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/councils/{councilId}/feed.atom", "/councils/{councilId}/decisions.json", "/councils/{councilId}/decisions.csv" })
            Assert.Contains($"\"{path}\"", document);
    }

    /// <summary>A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF.</summary>
    private static List<List<string>> Rfc4180(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                for (i++; ; i++)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (text[i] == '"') { i++; break; }
                    else field.Append(text[i]);
                }
            }
            else if (text[i] == ',') { row.Add(field.ToString()); field.Clear(); i++; }
            else if (text[i] == '\r' && text[i + 1] == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i += 2; }
            else { Assert.NotEqual('\n', text[i]); field.Append(text[i]); i++; }
        }
        Assert.Empty(row);
        return rows;
    }
}
