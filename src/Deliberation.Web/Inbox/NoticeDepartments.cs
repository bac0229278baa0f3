using Deliberation.Domain.Councils;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Councils;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Inbox;

/// <summary>The departments' accounts, from the council's stream, for the notices of an overdue escalation; each record replaces the department's list.</summary>
internal sealed class NoticeDepartments() : CategoryReader<CouncilEvent>(CouncilGrain.Category)
{
    protected override bool Reads(string eventType) => eventType == nameof(DepartmentRecorded);

    protected override async Task ApplyAsync(string councilId, CouncilEvent e, LoggedEvent logged, ProjectionContext context)
    {
        var d = (DepartmentRecorded)e;
        await context.ExecuteAsync("DELETE FROM notice_departments WHERE council_id = @council AND department_id = @department",
            ("@council", councilId), ("@department", d.DepartmentId));
        foreach (var account in d.Accounts.Distinct(StringComparer.Ordinal))
            await context.ExecuteAsync("INSERT INTO notice_departments (council_id, department_id, user_id) VALUES (@council, @department, @user)",
                ("@council", councilId), ("@department", d.DepartmentId), ("@user", account));
    }
}
