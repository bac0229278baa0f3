using Deliberation.Domain.Councils;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Councils;

/// <summary>Who may reset whose password: no role in a council gives power over an account that matters beyond it.</summary>
public sealed class PasswordResetRulesTests
{
    private static readonly ResetStanding ByClerk = new(false, false, false, false);
    private static readonly ResetStanding ByAdministrator = new(true, false, false, false);

    private static Council Lakeside()
    {
        var (council, _) = Council.Found("lakeside", new LocalizedText("湖边村议事会", "Lakeside"), "湖边议事厅", "siyi-liang-gongkai", 7);
        council.IssueInvitation(Clerk, "code-1", "5-2-301", "5");
        council.RedeemInvitation("code-1", "u-joined", "新居民");
        return council;
    }

    [Fact]
    public void ClerkResetsAResidentWhoJoinedWithAHouseholdCode()
    {
        var events = Lakeside().RecordPasswordReset(Clerk, "u-joined", "本人到村委会办理", ByClerk);

        Assert.Equal("u-joined", Assert.IsType<PasswordResetRecorded>(Assert.Single(events)).UserId);
    }

    [Fact]
    public void AGrantedRoleGivesTheClerkNoPowerOverTheAccount()
    {
        var council = Lakeside();
        council.GrantRole(Clerk, "u-admin", "管理员", CouncilRole.Resident, null, 1, "x");

        Assert.Throws<NotPermitted>(() => council.RecordPasswordReset(Clerk, "u-admin", "x", ByClerk));
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void ClerkCannotResetAnAccountThatMattersBeyondThisCouncil(bool administrator, bool rolesElsewhere, bool signsInElsewhere)
    {
        var council = Lakeside();

        Assert.Throws<NotPermitted>(() => council.RecordPasswordReset(Clerk, "u-joined", "x",
            new ResetStanding(false, administrator, rolesElsewhere, signsInElsewhere)));
    }

    [Fact]
    public void ClerkCannotResetCouncilStaffEvenIfTheyJoinedWithACode()
    {
        var council = Lakeside();
        council.GrantRole(Clerk, "u-joined", "新居民", CouncilRole.Chair, null, 1, "当选");

        Assert.Throws<NotPermitted>(() => council.RecordPasswordReset(Clerk, "u-joined", "x", ByClerk));
    }

    [Fact]
    public void ASiteAdministratorResetsStaffAndOnlyAClerkMayRecordIt()
    {
        var council = Lakeside();
        council.GrantRole(Clerk, "u-chair", "李主任", CouncilRole.Chair, null, 1, "当选");

        Assert.Single(council.RecordPasswordReset(Clerk, "u-chair", "x", ByAdministrator with { TargetHoldsRolesElsewhere = true }));
        Assert.Throws<NotPermitted>(() => council.RecordPasswordReset(Chair, "u-joined", "x", ByClerk));
    }
}
