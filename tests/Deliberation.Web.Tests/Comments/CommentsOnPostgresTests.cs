using System.Net;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Comments;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Comments;

/// <summary>The comments' read model on PostgreSQL: built live and rebuilt from zero, the same rows.</summary>
public sealed class CommentsOnPostgresTests
{
    private const string Items = CommentsApp.Items;

    [PostgresFact]
    public async Task CommentsListedLiveEqualThoseRebuiltFromZeroOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new CouncilApp().UsePostgres(database.ConnectionString);
        var (clerk, resident) = (await app.SignedInAs("clerk"), await app.SignedInAs("resident"));
        var created = await (await resident.Post(Items, new { title = "湖边步道", text = "步道太窄", category = "维修 Repairs", place = "湖边" }))
            .Expect(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        await (await clerk.Post($"{Items}/{id}/accept", new { note = "受理" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{Items}/{id}/record-proposal", new { text = "拓宽步道" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{Items}/{id}/complete-step")).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{Items}/{id}/comments/open", new { reason = "征求意见" })).Expect(HttpStatusCode.OK);
        await (await resident.Post($"{Items}/{id}/comments", new { text = "同意拓宽", clientCommentId = "pg-1" })).Expect(HttpStatusCode.OK);
        await (await resident.Post($"{Items}/{id}/comments", new { text = "不当言论", clientCommentId = "pg-2" })).Expect(HttpStatusCode.OK);
        await (await clerk.Post($"{Items}/{id}/comments/2/hide", new { reason = "不文明用语" })).Expect(HttpStatusCode.OK);

        var live = await (await clerk.GetAsync($"{Items}/{id}/comments")).Expect(HttpStatusCode.OK);
        await app.Services.GetRequiredService<ProjectionRunner>().RebuildAsync(CommentsProjection.ProjectionName);
        var rebuilt = await (await clerk.GetAsync($"{Items}/{id}/comments")).Expect(HttpStatusCode.OK);

        Assert.Equal(2, live.GetProperty("comments").GetArrayLength());
        Assert.Equal("不文明用语", live.GetProperty("comments")[1].GetProperty("hiddenReason").GetString());
        Assert.True(live.GetProperty("windowOpen").GetBoolean());
        Assert.Equal(live.GetRawText(), rebuilt.GetRawText());
    }
}
