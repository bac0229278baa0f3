using Deliberation.Runtime.Projections;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Following;
using Deliberation.Web.PublicBoard;
using Deliberation.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.ReadSide;

/// <summary>Every read model's rows, straight from its tables (after its projection caught up), for comparing.</summary>
public static class ReadModelTables
{
    public static readonly (string Projection, string Query)[] All =
    [
        (ItemListProjection.ProjectionName, "SELECT item_id, council_id, is_public, updated_at, summary FROM item_list ORDER BY item_id"),
        (FollowersProjection.ProjectionName, "SELECT council_id, item_id, user_id FROM item_followers ORDER BY council_id, item_id, user_id"),
        (BallotListProjection.ProjectionName, "SELECT ballot_id, council_id, meeting_id, item_id, status FROM ballot_list ORDER BY ballot_id"),
        (Web.Record.RecordProjection.ProjectionName,
            "SELECT stream_id, council_id, kind, item_stream, disclosed, sequence, head_hash FROM record_streams ORDER BY stream_id"),
        (Deliberation.Web.Meetings.MeetingListProjection.ProjectionName,
            "SELECT meeting_id, council_id, starts_at, status, calendar, sequence, changed_at, summary FROM meeting_list ORDER BY meeting_id"),
        (Deliberation.Web.Minutes.MinutesIndexProjection.ProjectionName, "SELECT meeting_id, council_id, latest_version, published_at FROM minutes_published ORDER BY meeting_id"),
        (Deliberation.Web.Minutes.MinutesIndexProjection.ProjectionName,
            "SELECT item_id, meeting_id, council_id, meeting_title, starts_at FROM minutes_items ORDER BY item_id, meeting_id"),
        (PublicBoardProjection.ProjectionName, "SELECT item_id, council_id, body_id, category, stage, stage_zh, stage_en, year, disclosed_at, decision FROM board_decisions ORDER BY item_id"),
        (PublicBoardProjection.ProjectionName, "SELECT council_id, token, item_id FROM board_tokens ORDER BY council_id, token, item_id"),
        (Deliberation.Web.Inbox.NoticesProjection.ProjectionName,
            "SELECT user_id, notice_id, council_id, kind, subject_id, link, args, occurred_at, is_read FROM notices ORDER BY user_id, notice_id"),
        (MergesProjection.ProjectionName, "SELECT council_id, into_item_id, item_id, title, reason, merged_at FROM item_merges ORDER BY into_item_id, item_id"),
    ];

    public static ProjectionRunner ReadSide(this CouncilApp app) => app.Services.GetRequiredService<ProjectionRunner>();

    public static async Task<Dictionary<string, IReadOnlyList<string>>> DumpAsync(this CouncilApp app)
    {
        var dump = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (projection, query) in All)
            dump[query] = await app.ReadSide().QueryAsync(projection, query,
                row => string.Join(" | ", Enumerable.Range(0, row.FieldCount).Select(i => Convert.ToString(row.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return dump;
    }

    /// <summary>
    /// A follow, a followed-then-unfollowed item, a ballot opened, a topic submitted and declined (a notice to its
    /// submitter, who reads it) and one merged: a row or a change in each read model.
    /// </summary>
    public static async Task WriteSomethingForEachAsync(this CouncilApp app)
    {
        var resident = await app.SignedInAs("resident");
        await (await resident.Post("/api/councils/lakeside/items/item-demo-kiosks/follow")).Expect(System.Net.HttpStatusCode.OK);
        await (await resident.Post("/api/councils/lakeside/items/item-demo-road/follow")).Expect(System.Net.HttpStatusCode.OK);
        await (await resident.Post("/api/councils/lakeside/items/item-demo-road/unfollow")).Expect(System.Net.HttpStatusCode.OK);
        await app.PartyMeetingVotingAsync();
        var item = await Escalations.EscalationJourneyTests.SubmitAsync(resident);
        await (await (await app.SignedInAs("clerk")).Post($"/api/councils/lakeside/items/{item}/decline", new { reason = "重复" }))
            .Expect(System.Net.HttpStatusCode.OK);
        var merged = await Escalations.EscalationJourneyTests.SubmitAsync(resident);
        await (await (await app.SignedInAs("clerk")).Post($"/api/councils/lakeside/items/{merged}/merge", new { intoItemId = "item-demo-lights", reason = "同一件事" }))
            .Expect(System.Net.HttpStatusCode.OK);
        await (await resident.Post("/api/account/inbox/read-all", new { throughNoticeId = long.MaxValue })).Expect(System.Net.HttpStatusCode.NoContent);
    }
}
