using System.Net;
using System.Net.Http.Headers;
using Deliberation.Web.Tests.Hosting;
using SkiaSharp;

namespace Deliberation.Web.Tests.Photos;

/// <summary>Photos on topics and progress reports, through the real app: checked by content, stripped, shown, guarded.</summary>
public sealed class PhotoTests : IDisposable
{
    private readonly CouncilApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task APhotoSubmittedWithATopicComesBackWithoutItsLocationAndUpright()
    {
        var original = TestPhotos.JpegWithGps();
        Assert.True(TestPhotos.Contains(original, "Exif\0\0"u8.ToArray()) && TestPhotos.Contains(original, TestPhotos.Latitude));
        var resident = await _app.SignedInAs("resident");

        var itemPage = await SubmitWithPhotoAsync(resident, "路灯杆倒了", ("lamp.jpg", original, "image/jpeg"));

        var page = Html.Parse(await resident.GetStringAsync(itemPage));
        var img = page.QuerySelector(".photos img");
        Assert.NotNull(img);
        Assert.Equal("倒在路边的路灯杆", img.GetAttribute("alt"));
        using var response = await resident.GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        Assert.True(response.Headers.CacheControl?.Private, "an undisclosed item's photo is kept by no shared cache");
        var stored = await response.Content.ReadAsByteArrayAsync();
        Assert.False(TestPhotos.Contains(stored, "Exif"u8.ToArray()), "the EXIF block survived");
        Assert.False(TestPhotos.Contains(stored, TestPhotos.Latitude), "the latitude survived");
        Assert.False(TestPhotos.Contains(stored, [0xFF, 0xE1]), "an APP1 (EXIF/XMP) segment survived");
        // The orientation was applied to the pixels before it was dropped: 64 × 48 turned is 48 × 64.
        using var decoded = SKBitmap.Decode(stored);
        Assert.Equal((48, 64), (decoded.Width, decoded.Height));
        Assert.Equal(("48", "64"), (img.GetAttribute("width"), img.GetAttribute("height")));
    }

    [Fact]
    public async Task AFileThatIsNotAnImageIsRefusedWhateverItsName()
    {
        var resident = await _app.SignedInAs("resident");
        var item = await ItemOfAsync(resident);
        var before = await _app.CountEventsAsync();

        var response = await resident.PostAsync($"/api/councils/lakeside/items/{item}/photos",
            Upload(("photo.jpg", "<html><script>alert(1)</script></html>"u8.ToArray(), "image/jpeg")));

        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("photo.jpg", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task APhotoLargerThanFiveMegabytesIsRefusedWithAClearMessage()
    {
        var resident = await _app.SignedInAs("resident");
        var item = await ItemOfAsync(resident);
        var large = new byte[5 * 1024 * 1024 + 1];
        TestPhotos.JpegWithGps().CopyTo(large, 0);
        var before = await _app.CountEventsAsync();

        var api = await resident.PostAsync($"/api/councils/lakeside/items/{item}/photos", Upload(("big.jpg", large, "image/jpeg")));
        var problem = await api.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("5 MB", problem.GetProperty("detail").GetString());

        var form = await resident.GetStringAsync($"/councils/lakeside/items/{item}");
        var posted = await resident.PostAsync($"/councils/lakeside/items/{item}/photos",
            Upload(("big.jpg", large, "image/jpeg"), ("__RequestVerificationToken", Html.AntiforgeryToken(form))));
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"{posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        var back = Html.Parse(await resident.GetStringAsync(posted.Headers.Location!.OriginalString));
        Assert.Contains("5 MB", back.QuerySelector("p.error[role=alert]")?.TextContent);
        Assert.Equal(before, await _app.CountEventsAsync());
    }

    [Fact]
    public async Task AnUndisclosedItemsPhotoIsNotServedToThePublicButADisclosedOnesIs()
    {
        var resident = await _app.SignedInAs("resident");
        var item = await ItemOfAsync(resident);
        var hidden = await AttachAsync(resident, item, TestPhotos.Png(40, 30));
        var member = await _app.SignedInAs("member1");
        var shown = await AttachAsync(member, "item-demo-kiosks", TestPhotos.Png(30, 40));

        Assert.Equal(HttpStatusCode.NotFound, (await _app.Visitor().GetAsync(hidden)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignedInAs("clerk")).GetAsync(hidden)).StatusCode);
        // The same bytes under a disclosed item that does not name them are not served either.
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Visitor().GetAsync(hidden.Replace(item, "item-demo-kiosks"))).StatusCode);
        using var open = await _app.Visitor().GetAsync(shown);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.True(open.Headers.CacheControl?.Public);
    }

    [Fact]
    public async Task TheResponsiblePartyAddsPhotosToAProgressReportAndOthersMayNot()
    {
        var property = await _app.SignedInAs("property");
        var page = await property.GetStringAsync("/councils/lakeside/items/item-demo-canteen");
        Assert.NotNull(Html.Parse(page).QuerySelector("form[action$='/photos'] select[name=ProgressReport] option[value='1']"));

        var posted = await property.PostAsync("/councils/lakeside/items/item-demo-canteen/photos", Upload(
            ("kitchen.png", TestPhotos.Png(80, 60), "image/png"), ("Description", "改造后的厨房"), ("ProgressReport", "1"),
            ("__RequestVerificationToken", Html.AntiforgeryToken(page))));

        Assert.Equal("/councils/lakeside/items/item-demo-canteen?done=attach-photos", posted.Headers.Location?.OriginalString);
        var after = Html.Parse(await _app.Visitor().GetStringAsync("/councils/lakeside/items/item-demo-canteen"));
        Assert.Equal("改造后的厨房", after.QuerySelector(".photos img")?.GetAttribute("alt"));
        Assert.Contains("厨房改造完成", after.QuerySelector(".photos")!.TextContent);
        var resident = await _app.SignedInAs("resident");
        var refused = await resident.PostAsync("/api/councils/lakeside/items/item-demo-canteen/photos",
            Upload(("x.png", TestPhotos.Png(10, 10), "image/png"), ("progressReport", "1")));
        await refused.ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AtMostFourPhotosGoOnOneEntry()
    {
        var resident = await _app.SignedInAs("resident");
        var item = await ItemOfAsync(resident);
        var five = Enumerable.Range(1, 5).Select(i => ($"p{i}.png", TestPhotos.Png(10 + i, 10), "image/png")).ToArray();

        var response = await resident.PostAsync($"/api/councils/lakeside/items/{item}/photos", Upload(five));

        await response.ExpectProblem(HttpStatusCode.BadRequest);
    }

    [PostgresFact]
    public async Task APhotoIsStoredAndServedOnPostgreSqlToo()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new CouncilApp().UsePostgres(database.ConnectionString);
        var member = await app.SignedInAs("member1");

        var shown = await AttachAsync(member, "item-demo-kiosks", TestPhotos.JpegWithGps());

        using var response = await app.Visitor().GetAsync(shown);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await response.Content.ReadAsByteArrayAsync();
        Assert.False(TestPhotos.Contains(stored, "Exif"u8.ToArray()));
        using var decoded = SKBitmap.Decode(stored);
        Assert.Equal((48, 64), (decoded.Width, decoded.Height));
    }

    private async Task<string> SubmitWithPhotoAsync(HttpClient client, string title, (string Name, byte[] Bytes, string Type) photo)
    {
        var form = await client.GetStringAsync("/councils/lakeside/items/new");
        Assert.NotNull(Html.Parse(form).QuerySelector("form[enctype='multipart/form-data'] input[type=file][name=Photos]"));
        var posted = await client.PostAsync("/councils/lakeside/items/new", Upload(photo,
            ("Title", title), ("Text", "湖边步道的路灯杆倒了"), ("Category", "维修 Repairs"), ("Place", "湖边"), ("Description", "倒在路边的路灯杆"),
            ("__RequestVerificationToken", Html.AntiforgeryToken(form))));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.DoesNotContain("error=", location);
        return location;
    }

    private static async Task<string> ItemOfAsync(HttpClient resident)
    {
        var created = await (await resident.Post("/api/councils/lakeside/items",
            new { title = "垃圾桶满了", text = "三天没人清", category = "环境卫生 Cleaning up", place = "村口" })).Expect(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>Attaches a photo through the API and returns the address the item's page shows it at.</summary>
    private static async Task<string> AttachAsync(HttpClient client, string item, byte[] png)
    {
        var view = await (await client.PostAsync($"/api/councils/lakeside/items/{item}/photos", Upload(("p.png", png, "image/png"))))
            .Expect(HttpStatusCode.OK);
        var photo = view.GetProperty("timeline").EnumerateArray().Last(e => e.GetProperty("type").GetString() == "PhotoAttached");
        return $"/councils/lakeside/items/{item}/photos/{photo.GetProperty("details").GetProperty("photoId").GetString()}";
    }

    private static MultipartFormDataContent Upload((string Name, byte[] Bytes, string Type) file, params (string Name, string Value)[] fields) =>
        Upload([file], fields);

    private static MultipartFormDataContent Upload((string Name, byte[] Bytes, string Type)[] files, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var (name, bytes, type) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(part, "Photos", name);
        }
        return content;
    }
}
