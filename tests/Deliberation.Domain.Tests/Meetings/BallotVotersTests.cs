using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;

namespace Deliberation.Domain.Tests.Meetings;

public sealed class BallotVotersTests
{
    private static readonly Actor Chair = new("chair", [new RoleGrant(CouncilRole.Chair, null, 1)]);

    private static readonly IReadOnlyList<RoleHolder> Roll =
    [
        new("a", "A", CouncilRole.Member, "body", 1), new("b", "B", CouncilRole.Member, "body", 2.5m),
        new("c", "C", CouncilRole.Member, "body", 1), new("d", "D", CouncilRole.Member, "body", 1),
    ];

    [Fact]
    public void MembersPresentVoteForThemselvesAndAProxyAlsoForTheMemberTheyStandFor()
    {
        var (meeting, _) = Meeting.Schedule(Chair with { Roles = [new RoleGrant(CouncilRole.Clerk, null, 1)] }, DateTimeOffset.UnixEpoch, "m", "lakeside", "body",
            "t", DateTimeOffset.UnixEpoch, "hall", []);
        meeting.Open(Chair);
        meeting.RecordAttendance(Chair, "a", Attendance.Present, null, Roll);
        meeting.RecordAttendance(Chair, "b", Attendance.Absent, null, Roll);
        meeting.RecordAttendance(Chair, "c", Attendance.Proxy, "b", Roll);
        meeting.RecordAttendance(Chair, "d", Attendance.Excused, null, Roll);

        var voters = meeting.Voters(Roll);

        Assert.Equal([new BallotVoter("a", 1, "a"), new BallotVoter("c", 1, "c"), new BallotVoter("b", 2.5m, "c")], voters);
    }
}
