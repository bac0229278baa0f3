using Deliberation.Domain.Escalations;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Escalations;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Inbox;

/// <summary>
/// A department's answers to an escalation, told to the item's followers; an escalation falling overdue, told to the
/// department's accounts (as the council had recorded them at that moment: <see cref="NoticeDepartments"/>).
/// </summary>
internal sealed class EscalationNotices() : CategoryReader<EscalationEvent>(EscalationGrain.Category)
{
    protected override async Task ApplyAsync(string escalationId, EscalationEvent e, LoggedEvent logged, ProjectionContext context)
    {
        if (e is Escalated x)
        {
            await context.ExecuteAsync("INSERT INTO notice_escalations (escalation_id, council_id, item_id, department_id, department_name, reference_no) " +
                "VALUES (@id, @council, @item, @department, @name, @ref) ON CONFLICT (escalation_id) DO NOTHING",
                ("@id", escalationId), ("@council", x.CouncilId), ("@item", x.ItemId), ("@department", x.DepartmentId),
                ("@name", x.DepartmentName), ("@ref", x.ReferenceNo));
            return;
        }
        var rows = await context.QueryAsync("SELECT council_id, item_id, department_id, department_name, reference_no FROM notice_escalations WHERE escalation_id = @id",
            row => (Council: row.GetString(0), Item: row.GetString(1), Department: row.GetString(2), Name: row.GetString(3), Ref: row.GetString(4)),
            ("@id", escalationId));
        if (rows.Count == 0) return;
        var esc = rows[0];
        var title = (await ItemNotices.TitleAsync(context, esc.Item))?.Title ?? esc.Item;
        var itemLink = $"/councils/{esc.Council}/items/{esc.Item}";
        NoticeDraft? toFollowers = e switch
        {
            EscalationReceived r => new(esc.Council, "escalation.received", esc.Item, itemLink, [title, esc.Name, r.Response]),
            EscalationProgressNoted p => new(esc.Council, "escalation.progress", esc.Item, itemLink, [title, esc.Name, p.Note]),
            EscalationDone d => new(esc.Council, "escalation.done", esc.Item, itemLink, [title, esc.Name, d.Result]),
            EscalationReturned r => new(esc.Council, "escalation.returned", esc.Item, itemLink, [title, esc.Name, r.Reason]),
            _ => null,
        };
        if (toFollowers is not null)
        {
            await NoticesProjection.SendAsync(context, logged, await NoticeFollowers.OfAsync(context, esc.Council, esc.Item), toFollowers);
            return;
        }
        if (e is EscalationOverdue or EscalationResponseOverdue)
        {
            var accounts = await context.QueryAsync("SELECT user_id FROM notice_departments WHERE council_id = @council AND department_id = @department",
                row => row.GetString(0), ("@council", esc.Council), ("@department", esc.Department));
            var kind = e is EscalationOverdue ? "escalation.overdue" : "escalation.response-overdue";
            await NoticesProjection.SendAsync(context, logged, accounts, new NoticeDraft(esc.Council, kind, escalationId,
                $"/councils/{esc.Council}/escalations/{escalationId}", [title, esc.Ref]));
        }
    }
}
