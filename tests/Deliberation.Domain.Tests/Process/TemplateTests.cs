using Deliberation.Domain.Councils;
using Deliberation.Domain.Process;

namespace Deliberation.Domain.Tests.Process;

public sealed class TemplateTests
{
    [Theory]
    [InlineData("sanyi-yishen-liang-gongkai", 7)]
    [InlineData("siyi-liang-gongkai", 7)]
    public void BuiltInTemplatesAreValidAndSurviveAJsonRoundTrip(string id, int steps)
    {
        var template = ProcessTemplateCatalog.Latest(id);

        var again = ProcessTemplate.FromJson(template.ToJson());

        Assert.Equal(steps, template.Steps.Count);
        Assert.Equal(template.Steps, again.Steps);
        Assert.Equal(template.Version, again.Version);
    }

    [Fact]
    public void TheVillageTemplateHasTwoVotesAndNoReview()
    {
        var village = ProcessTemplateCatalog.Latest("siyi-liang-gongkai");

        Assert.Equal(2, village.Steps.Count(s => s.Kind == StepKind.ResolutionVote));
        Assert.DoesNotContain(village.Steps, s => s.Kind == StepKind.Review);
    }

    [Fact]
    public void RefusesDuplicateIdsForwardLoopsAndAZeroNoticePeriodAllAtOnce()
    {
        var step = new ProcessStep("a", StepKind.Proposal, new LocalizedText("a", "a"), CouncilRole.Clerk);
        var template = new ProcessTemplate("t", 1, new LocalizedText("t", "t"),
        [
            step,
            step,
            new ProcessStep("r", StepKind.Review, new LocalizedText("r", "r"), CouncilRole.Reviewer, OnReturned: "d"),
            new ProcessStep("d", StepKind.Disclosure, new LocalizedText("d", "d"), CouncilRole.Clerk, NoticeDays: 0),
        ]);

        var problem = Assert.Throws<ArgumentException>(() => template.Validate());

        Assert.Contains("more than once", problem.Message);
        Assert.Contains("earlier step", problem.Message);
        Assert.Contains("notice days", problem.Message);
    }

    [Fact]
    public void RefusesAReviewOrDisclosureWithNowhereToSendTheItemBack()
    {
        var template = new ProcessTemplate("t", 1, new LocalizedText("t", "t"),
        [
            new ProcessStep("p", StepKind.Proposal, new LocalizedText("p", "p"), CouncilRole.Clerk),
            new ProcessStep("r", StepKind.Review, new LocalizedText("r", "r"), CouncilRole.Reviewer),
            new ProcessStep("d", StepKind.Disclosure, new LocalizedText("d", "d"), CouncilRole.Clerk, NoticeDays: 7),
        ]);

        var problem = Assert.Throws<ArgumentException>(() => template.Validate());

        Assert.Contains("'r' needs OnReturned", problem.Message);
        Assert.Contains("'d' needs OnObjectionUpheld", problem.Message);
    }
}
