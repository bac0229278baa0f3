using Deliberation.Domain.Councils;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Councils;

public sealed class CouncilRulesTests
{
    private static Council Lakeside()
    {
        var (council, _) = Council.Found("lakeside", new LocalizedText("湖边村议事会", "Lakeside"), "湖边议事厅", "siyi-liang-gongkai", 7);
        council.EstablishBody(Clerk, "party-members", new LocalizedText("党员大会", "Party members"), "party-members-deliberation");
        return council;
    }

    [Fact]
    public void EstablishesBodiesOnlyWithAKnownRuleAUniqueIdAndAClerk()
    {
        var council = Lakeside();

        Assert.Throws<ArgumentException>(() => council.EstablishBody(Clerk, "x", new LocalizedText("x", "x"), "no-such-rule"));
        Assert.Throws<ArgumentException>(() => council.EstablishBody(Clerk, "party-members", new LocalizedText("x", "x"), "simple-majority"));
        Assert.Throws<NotPermitted>(() => council.EstablishBody(Resident, "y", new LocalizedText("y", "y"), "simple-majority"));
    }

    [Fact]
    public void AMemberBelongsToAnExistingBodyWithAPositiveWeightOnce()
    {
        var council = Lakeside();

        council.GrantRole(Clerk, "u-1", "张三", CouncilRole.Member, "party-members", 1, "当选");

        Assert.Throws<ArgumentException>(() => council.GrantRole(Clerk, "u-1", "张三", CouncilRole.Member, "party-members", 1, "again"));
        Assert.Throws<ArgumentException>(() => council.GrantRole(Clerk, "u-2", "李四", CouncilRole.Member, "no-body", 1, "x"));
        Assert.Throws<ArgumentException>(() => council.GrantRole(Clerk, "u-2", "李四", CouncilRole.Member, "party-members", 0, "x"));
        Assert.Equal("u-1", Assert.Single(council.RollOf("party-members")).UserId);
        Assert.True(council.ActorFor("u-1").Holds(CouncilRole.Member, "party-members"));
        Assert.False(council.ActorFor("u-1").Holds(CouncilRole.Member, "villager-representatives"));
    }

    [Fact]
    public void RevokingRemovesTheRoleAndNeedsOneToRevoke()
    {
        var council = Lakeside();
        council.GrantRole(Clerk, "u-1", "张三", CouncilRole.Reviewer, null, 1, "聘任");

        council.RevokeRole(Clerk, "u-1", CouncilRole.Reviewer, null, "任期结束");

        Assert.Empty(council.ActorFor("u-1").Roles);
        Assert.Throws<ArgumentException>(() => council.RevokeRole(Clerk, "u-1", CouncilRole.Reviewer, null, "again"));
    }

    [Fact]
    public void AnInvitationCodeMakesAVerifiedResidentOnceAndAnUnknownCodeReadsTheSame()
    {
        var council = Lakeside();
        council.IssueInvitation(Clerk, "hash-1", "3-2-101", "3");

        var events = council.RedeemInvitation("hash-1", "u-new", "新居民");

        Assert.Contains(events, e => e is RoleGranted { Role: CouncilRole.Resident });
        Assert.True(council.ActorFor("u-new").Holds(CouncilRole.Resident));
        Assert.Equal("3-2-101", council.HouseholdOf("u-new"));
        var used = Assert.Throws<ArgumentException>(() => council.RedeemInvitation("hash-1", "u-other", "别人"));
        var unknown = Assert.Throws<ArgumentException>(() => council.RedeemInvitation("hash-9", "u-other", "别人"));
        Assert.Equal(used.Message, unknown.Message);
    }

    [Fact]
    public void ReplayRebuildsBodiesRolesAndInvitations()
    {
        var (council, founded) = Council.Found("lakeside", new LocalizedText("湖边", "Lakeside"), "湖边", "siyi-liang-gongkai", 7);
        var events = founded.Concat(council.EstablishBody(Clerk, "b", new LocalizedText("b", "b"), "simple-majority"))
            .Concat(council.GrantRole(Clerk, "u-1", "张三", CouncilRole.Member, "b", 2.5m, "x"))
            .Concat(council.IssueInvitation(Clerk, "h", "1-1", "1"))
            .Concat(council.RedeemInvitation("h", "u-2", "李四")).ToList();

        var replayed = Council.Replay(events);

        Assert.Equal(council.Bodies, replayed.Bodies);
        Assert.Equal(council.RoleHolders, replayed.RoleHolders);
        Assert.Throws<ArgumentException>(() => replayed.RedeemInvitation("h", "u-3", "王五"));
    }
}
