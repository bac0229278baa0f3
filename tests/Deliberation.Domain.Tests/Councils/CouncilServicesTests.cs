using Deliberation.Domain.Councils;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.Councils;

public sealed class CouncilServicesTests
{
    private static Council Lakeside() =>
        Council.Found("lakeside", new LocalizedText("湖边村议事会", "Lakeside"), "湖边议事厅", "siyi-liang-gongkai", 7).Council;

    [Fact]
    public void TheClerkKeepsDepartmentsAndTheLastRecordHolds()
    {
        var council = Lakeside();

        council.RecordDepartment(Clerk, "works", "镇城建办", "0571-1", ["u-a"], null);
        council.RecordDepartment(Clerk, "works", "镇城建办", "0571-2", ["u-a", "u-b", "u-b"], "换联系人");

        var works = Assert.Single(council.Departments);
        Assert.Equal("0571-2", works.Contact);
        Assert.Equal(["u-a", "u-b"], works.Accounts);
        Assert.True(council.DepartmentById("works")!.AnswersFor("u-b"));
        Assert.Throws<NotPermitted>(() => council.RecordDepartment(Resident, "water", "水务", "", [], null));
        Assert.Throws<TextRuleViolation>(() => council.RecordDepartment(Clerk, "water", " ", "", [], null));
    }

    [Fact]
    public void TheClerkKeepsVolunteerGroupsAndRequestCategories()
    {
        var council = Lakeside();

        council.RecordVolunteerGroup(Clerk, "party-team", "党员志愿服务队", ["u-v"], null);
        council.RecordRequestCategories(Clerk, ["助老", "维修", "助老", " "], null);

        Assert.Equal(["u-v"], council.VolunteerGroupById("party-team")!.Members);
        Assert.Equal(["助老", "维修"], council.RequestCategories);
        Assert.Throws<ArgumentException>(() => council.RecordRequestCategories(Clerk, [], null));
        Assert.Throws<NotPermitted>(() => council.RecordVolunteerGroup(Grid, "g", "g", [], null));
    }

    [Fact]
    public void ReplayKeepsDepartmentsGroupsAndCategories()
    {
        var (council, founded) = Council.Found("lakeside", new LocalizedText("湖边村议事会", "Lakeside"), "湖边议事厅", "siyi-liang-gongkai", 7);
        var events = founded.Concat(council.RecordDepartment(Clerk, "works", "镇城建办", "", ["u-a"], null))
            .Concat(council.RecordRequestCategories(Clerk, ["助老"], null)).ToList();

        var replayed = Council.Replay(events);

        Assert.Equal("镇城建办", Assert.Single(replayed.Departments).Name);
        Assert.Equal(["助老"], replayed.RequestCategories);
    }
}
