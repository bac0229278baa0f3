using Deliberation.Domain.Comments;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Comments;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Demo;

/// <summary>
/// The residents' comments on the kiosks while it was in consultation: the clerk opened the window, residents wrote,
/// the clerk hid one (a neighbour's name and phone number) with a reason, and closed the window. Written through the
/// domain's own rules, like the items, so the item page, its comments and the public record show a lived consultation.
/// </summary>
public static class DemoComments
{
    public static void Add(DemoLog history, IReadOnlyDictionary<string, Actor> a, ItemAt item, DateTimeOffset opened)
    {
        var thread = CommentThread.Empty();
        var pending = new List<PendingEvent>();
        void Record(IReadOnlyList<CommentEvent> events, Actor by, DateTimeOffset at) =>
            pending.AddRange(events.Select(e => EventCodec<CommentEvent>.Instance.Encode(e, by.UserId, at)));

        Record(thread.OpenWindow(a["clerk"], item, opened, "选址方案征求居民意见"), a["clerk"], opened);
        var at = opened.AddHours(5);
        foreach (var (who, text) in Comments)
        {
            Record(thread.Post(a[who], item, at, $"demo-comment-{thread.Comments.Count + 1}", text), a[who], at);
            at = at.AddHours(7);
        }
        Record(thread.Hide(a["clerk"], at, 3, "含他人姓名和电话，已隐藏 (names a neighbour and their phone number)"), a["clerk"], at);
        var closed = opened.AddDays(4);
        Record(thread.CloseWindow(a["clerk"], closed, "征求意见结束，汇总提交两委会"), a["clerk"], closed);

        var row = CommentsGrain.CatalogueRowOf(thread, closed);
        history.Catalogue(row);
        history.Add(row.StreamId, pending);
    }

    private static readonly (string Who, string Text)[] Comments =
    [
        ("resident", "支持建分类亭。村口那个最好加盖子，小学生上学都从那儿过。"),
        ("member3", "湖边停车场那个位置好，运输车进出方便，不扰民。"),
        ("resident", "2 号亭离住户太近了，能不能问问隔壁老周家（电话 139xxxx1234）的意见？"),
        ("member4", "希望每天定时清运，夏天别堆着。"),
    ];
}
