using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;

namespace Deliberation.Domain.Tests.Meetings;

/// <summary>Where the body's rule counts households, a ballot's votes are the households present, one each.</summary>
public sealed class HouseholdVotersTests
{
    private static readonly Actor Chair = new("chair", [new RoleGrant(CouncilRole.Chair, null, 1), new RoleGrant(CouncilRole.Clerk, null, 1)]);

    private static readonly IReadOnlyList<RoleHolder> Roll =
    [
        new("a", "A", CouncilRole.Member, "body", 1), new("b", "B", CouncilRole.Member, "body", 1),
        new("c", "C", CouncilRole.Member, "body", 1), new("d", "D", CouncilRole.Member, "body", 1),
        new("e", "E", CouncilRole.Member, "body", 1), new("f", "F", CouncilRole.Member, "body", 1),
    ];

    // a and b share a household; f joined without a household code; e is absent and named c as proxy.
    private static readonly Dictionary<string, string> Households = new()
    {
        ["a"] = "east/1", ["b"] = "east/1", ["c"] = "east/2", ["d"] = "west/1", ["e"] = "west/2",
    };

    private static string? HouseholdOf(string userId) => Households.GetValueOrDefault(userId);

    [Fact]
    public void EachHouseholdPresentHasOneVoteThatAnyOfItsMembersPresentMayCast()
    {
        var meeting = OpenMeeting();

        var voters = meeting.HouseholdVoters(Roll, HouseholdOf).ToDictionary(v => v.UserId);

        Assert.Equal(["a", "c", "d", "e", "f"], voters.Keys.Order());
        Assert.True(voters["a"].MayBeCastBy("a") && voters["a"].MayBeCastBy("b"));
        Assert.DoesNotContain(voters.Values, v => v.UserId != "a" && v.MayBeCastBy("b"));
        Assert.Equal("c", voters["e"].CastBy); // the absent household's proxy
        Assert.All(voters.Values, v => Assert.Equal(1m, v.Weight));
    }

    [Fact]
    public void TheElectorateIsTheHouseholdsOnTheRollAMemberWithoutACodeBeingTheirOwn()
    {
        var electorate = Meeting.HouseholdElectorate(Roll, HouseholdOf);

        Assert.Equal(5, electorate.Members); // east/1, east/2, west/1, west/2, and f
        Assert.Equal(5m, electorate.Weight);
    }

    [Fact]
    public void AProxyDoesNotSpeakForAHouseholdWhoseMemberIsPresent()
    {
        var meeting = Meeting.Schedule(Chair, DateTimeOffset.UnixEpoch, "m", "lakeside", "body", "t", DateTimeOffset.UnixEpoch, "hall", []).Meeting;
        meeting.Open(Chair);
        meeting.RecordAttendance(Chair, "a", Attendance.Present, null, Roll);
        meeting.RecordAttendance(Chair, "c", Attendance.Proxy, "b", Roll); // b shares a's household

        var voters = meeting.HouseholdVoters(Roll, HouseholdOf).ToDictionary(v => v.UserId);

        Assert.False(voters["a"].MayBeCastBy("c"));
        Assert.Equal(["a", "c"], voters.Keys.Order());
    }

    private static Meeting OpenMeeting()
    {
        var meeting = Meeting.Schedule(Chair, DateTimeOffset.UnixEpoch, "m", "lakeside", "body", "t", DateTimeOffset.UnixEpoch, "hall", []).Meeting;
        meeting.Open(Chair);
        foreach (var present in new[] { "a", "b", "d", "f" }) meeting.RecordAttendance(Chair, present, Attendance.Present, null, Roll);
        meeting.RecordAttendance(Chair, "c", Attendance.Proxy, "e", Roll);
        return meeting;
    }
}
