using Deliberation.Domain.Councils;
using Deliberation.Domain.Requests;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Requests;

public sealed class SmallRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Saturday = new(2026, 12, 5);
    private static readonly string[] Categories = ["助老", "维修", "代购"];
    private static readonly Actor Volunteer = With("u-volunteer", CouncilRole.Volunteer);
    private static readonly Actor OtherVolunteer = With("u-volunteer-2", CouncilRole.Volunteer);
    private static readonly VolunteerGroup PartyTeam = new("party-team", "党员志愿服务队", ["u-volunteer"]);

    private static SmallRequest Posted() =>
        SmallRequest.Post(Resident, Now, "req-1", "lakeside", "帮忙换灯泡", "厨房灯泡坏了", "维修", Categories, "3组12号", Saturday, null).Request;

    [Fact]
    public void AResidentPostsARequestInOneOfTheCouncilsCategories()
    {
        var (request, events) = SmallRequest.Post(Resident, Now, "req-1", "lakeside", "帮忙换灯泡", "", "维修", Categories, "3组12号", Saturday, null);

        Assert.IsType<SmallRequestPosted>(Assert.Single(events));
        Assert.Equal(SmallRequestStatus.Open, request.Status);
        Assert.Throws<ArgumentException>(() => SmallRequest.Post(Resident, Now, "r", "c", "t", "", "理发", Categories, "p", Saturday, null));
        Assert.Throws<ArgumentException>(() => SmallRequest.Post(Resident, Now, "r", "c", "t", "", "维修", Categories, "p", new DateOnly(2026, 11, 30), null));
        Assert.Throws<NotPermitted>(() => SmallRequest.Post(Volunteer, Now, "r", "c", "t", "", "维修", Categories, "p", Saturday, null));
    }

    [Fact]
    public void AGridWorkerPostsOnBehalfOfAResidentAndOnlyAGridWorkerMay()
    {
        var (request, _) = SmallRequest.Post(Grid, Now, "req-2", "lakeside", "买菜", "", "代购", Categories, "5组", Saturday, "李奶奶");

        Assert.Equal("李奶奶", request.OnBehalfOf);
        Assert.Throws<NotPermitted>(() => SmallRequest.Post(Resident, Now, "r", "c", "t", "", "代购", Categories, "p", Saturday, "李奶奶"));
    }

    [Fact]
    public void DispatchedToAGroupAMemberTakesItReportsItDoneAndTheResidentConfirmsAndRates()
    {
        var request = Posted();

        request.Dispatch(Clerk, PartyTeam, null, "请周六前完成");
        Assert.Throws<NotPermitted>(() => request.Take(OtherVolunteer, PartyTeam));
        request.Take(Volunteer, PartyTeam);
        Assert.Throws<NotPermitted>(() => request.ReportDone(OtherVolunteer, "done"));
        request.ReportDone(Volunteer, "已换好");
        Assert.Throws<NotPermitted>(() => request.Confirm(Neighbour, 5, null));
        request.Confirm(Resident, 5, "谢谢");

        Assert.Equal(SmallRequestStatus.Confirmed, request.Status);
        Assert.Equal(5, request.Score);
        Assert.Equal("u-volunteer", request.VolunteerId);
    }

    [Fact]
    public void DispatchedToOnePersonOnlyThatPersonTakesIt()
    {
        var request = Posted();
        request.Dispatch(Clerk, null, "u-volunteer-2", null);

        Assert.Throws<NotPermitted>(() => request.Take(Volunteer, null));
        request.Take(OtherVolunteer, null);
        Assert.Equal(SmallRequestStatus.Taken, request.Status);
    }

    [Fact]
    public void AVolunteerTakesAnOpenRequestButNobodyElse()
    {
        var request = Posted();

        Assert.Throws<NotPermitted>(() => request.Take(Neighbour, null));
        request.Take(Volunteer, null);

        Assert.Throws<SmallRequestRuleViolation>(() => request.Take(OtherVolunteer, null));
        Assert.Equal([SmallRequestAction.ReportDone], request.AllowedActions(Volunteer, null));
    }

    [Fact]
    public void OnlyTheClerkDispatchesToExactlyOneGroupOrPerson()
    {
        var request = Posted();

        Assert.Throws<NotPermitted>(() => request.Dispatch(Volunteer, PartyTeam, null, null));
        Assert.Throws<ArgumentException>(() => request.Dispatch(Clerk, null, null, null));
        Assert.Throws<ArgumentException>(() => request.Dispatch(Clerk, PartyTeam, "u-volunteer", null));
    }

    [Fact]
    public void FlaggedOnceWhenItsDayPassesNotTakenOrNotDone()
    {
        var untaken = Posted();
        var taken = Posted();
        taken.Take(Volunteer, null);

        Assert.Empty(untaken.NoticeOverdue(CouncilTime.EndOf(Saturday, CouncilTime.DefaultZoneId).AddSeconds(-1)));
        Assert.Equal(SmallRequestStatus.Open, Assert.IsType<SmallRequestOverdue>(Assert.Single(untaken.NoticeOverdue(CouncilTime.EndOf(Saturday, CouncilTime.DefaultZoneId)))).Stage);
        Assert.Empty(untaken.NoticeOverdue(CouncilTime.EndOf(Saturday, CouncilTime.DefaultZoneId).AddDays(1)));
        Assert.Equal(SmallRequestStatus.Taken, Assert.IsType<SmallRequestOverdue>(Assert.Single(taken.NoticeOverdue(CouncilTime.EndOf(Saturday, CouncilTime.DefaultZoneId)))).Stage);
        Assert.Null(untaken.NextDueAt);
    }

    [Fact]
    public void ARequestDoneInTimeIsNeverFlagged()
    {
        var request = Posted();
        request.Take(Volunteer, null);
        request.ReportDone(Volunteer, "好了");

        Assert.Empty(request.NoticeOverdue(CouncilTime.EndOf(Saturday, CouncilTime.DefaultZoneId).AddDays(3)));
        Assert.Null(request.NextDueAt);
    }
}
