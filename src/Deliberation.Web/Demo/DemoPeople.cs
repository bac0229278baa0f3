using Deliberation.Domain.Councils;

namespace Deliberation.Web.Demo;

/// <summary>The demo council's people: one account per role, all with the same password (README lists them).</summary>
public static class DemoPeople
{
    public const string Password = "lakeside-demo";

    public sealed record Person(string UserName, string DisplayName, string Phone, IReadOnlyList<(CouncilRole Role, string? Body, decimal Weight)> Roles);

    public static readonly IReadOnlyList<Person> All =
    [
        new("admin", "系统管理员 Admin", "13900000000", []),
        new("clerk", "王秘书 Clerk Wang", "13900000001", [(CouncilRole.Clerk, null, 1), (CouncilRole.Member, "two-committees", 1)]),
        new("chair", "李主任 Chair Li", "13900000002",
            [(CouncilRole.Chair, null, 1), (CouncilRole.Member, "two-committees", 1), (CouncilRole.Member, "villager-representatives", 1),
             (CouncilRole.Member, "party-members", 1), (CouncilRole.Member, "resident-representatives", 1), (CouncilRole.Member, "joint-meeting", 1)]),
        new("member1", "张代表 Rep. Zhang", "13900000011",
            [(CouncilRole.Member, "villager-representatives", 1), (CouncilRole.Member, "party-members", 1), (CouncilRole.Member, "two-committees", 1),
             (CouncilRole.Member, "resident-representatives", 1), (CouncilRole.Resident, null, 1)]),
        new("member2", "刘代表 Rep. Liu", "13900000012",
            [(CouncilRole.Member, "villager-representatives", 1), (CouncilRole.Member, "party-members", 1),
             (CouncilRole.Member, "resident-representatives", 1), (CouncilRole.Member, "joint-meeting", 1), (CouncilRole.Resident, null, 1)]),
        new("member3", "陈代表 Rep. Chen", "13900000013",
            [(CouncilRole.Member, "villager-representatives", 1), (CouncilRole.Member, "resident-representatives", 1), (CouncilRole.Resident, null, 1)]),
        new("member4", "赵代表 Rep. Zhao", "13900000014",
            [(CouncilRole.Member, "villager-representatives", 1), (CouncilRole.Member, "joint-meeting", 1), (CouncilRole.Resident, null, 1)]),
        new("reviewer", "周律师 Counsel Zhou", "13900000003", [(CouncilRole.Reviewer, null, 1)]),
        new("property", "湖畔物业 Lakeside Property Co.", "13900000004", [(CouncilRole.ResponsibleParty, null, 1)]),
        new("grid", "孙网格员 Grid worker Sun", "13900000005", [(CouncilRole.GridWorker, null, 1)]),
        new("resident", "吴阿姨 Mrs Wu", "13900000006", [(CouncilRole.Resident, null, 1)]),
        new("visitor", "访客 Visitor", "13900000007", []),
        new("volunteer", "马志愿者 Volunteer Ma", "13900000008", [(CouncilRole.Volunteer, null, 1)]),
        // A department's account holds no role in the council: it answers the escalations sent to its department.
        new("works", "镇城建办 Town Works Office", "13900000009", []),
    ];
}
