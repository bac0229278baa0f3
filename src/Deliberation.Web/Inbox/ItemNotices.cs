using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.Projections;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Inbox;

/// <summary>An item's steps, told to its followers: accepted, merged, routed, declined, decided, disclosed, implemented, result disclosed.</summary>
internal sealed class ItemNotices() : CategoryReader<AgendaItemEvent>(AgendaItemGrain.Category)
{
    protected override async Task ApplyAsync(string itemId, AgendaItemEvent e, LoggedEvent logged, ProjectionContext context)
    {
        if (e is ItemSubmitted s)
        {
            await context.ExecuteAsync("INSERT INTO notice_items (item_id, council_id, title) VALUES (@item, @council, @title) " +
                "ON CONFLICT (item_id) DO UPDATE SET council_id = excluded.council_id, title = excluded.title",
                ("@item", itemId), ("@council", s.CouncilId), ("@title", s.Title));
            return;
        }
        if (await TitleAsync(context, itemId) is not { } item) return;
        var link = $"/councils/{item.CouncilId}/items/{itemId}";
        NoticeDraft? draft = e switch
        {
            ItemAccepted => new(item.CouncilId, "item.accepted", itemId, link, [item.Title]),
            ItemMerged m => new(item.CouncilId, "item.merged", itemId, $"/councils/{item.CouncilId}/items/{m.IntoItemId}",
                [item.Title, (await TitleAsync(context, m.IntoItemId))?.Title ?? m.IntoItemId, m.Reason]),
            ItemRouted r => new(item.CouncilId, "item.routed", itemId, link, [item.Title, r.Department, r.Reason]),
            ItemDeclined d => new(item.CouncilId, "item.declined", itemId, link, [item.Title, d.Reason]),
            ResolutionAdopted => new(item.CouncilId, "item.adopted", itemId, link, [item.Title]),
            ResolutionRejected => new(item.CouncilId, "item.rejected", itemId, link, [item.Title]),
            ResolutionDisclosed => new(item.CouncilId, "item.disclosed", itemId, link, [item.Title]),
            ImplementationCompleted c => new(item.CouncilId, "item.implemented", itemId, link, [item.Title, c.Summary]),
            ResultDisclosed r => new(item.CouncilId, "item.result-disclosed", itemId, link, [item.Title, r.Text]),
            _ => null,
        };
        if (draft is null) return;
        await NoticesProjection.SendAsync(context, logged, await NoticeFollowers.OfAsync(context, item.CouncilId, itemId), draft);
    }

    public static async Task<(string CouncilId, string Title)?> TitleAsync(ProjectionContext context, string itemId)
    {
        var rows = await context.QueryAsync("SELECT council_id, title FROM notice_items WHERE item_id = @item",
            row => (row.GetString(0), row.GetString(1)), ("@item", itemId));
        return rows.Count == 0 ? null : rows[0];
    }
}
