using Deliberation.Domain.Councils;
using Deliberation.Domain.Process;

namespace Deliberation.Domain.Tests.Process;

public sealed class TemplateCatalogTests
{
    [Fact]
    public void TheCommunityTemplateHasTheSevenStepsOfThreeDeliberationsOneReviewTwoDisclosures()
    {
        var steps = ProcessTemplateCatalog.Find("sanyi-yishen-liang-gongkai", 1).Steps;

        Assert.Equal(
            [
                ("proposal", StepKind.Proposal, CouncilRole.Clerk, (string?)null),
                ("consultation", StepKind.Consultation, CouncilRole.Clerk, "joint-meeting"),
                ("resolution", StepKind.ResolutionVote, CouncilRole.Chair, "resident-representatives"),
                ("review", StepKind.Review, CouncilRole.Reviewer, null),
                ("disclosure", StepKind.Disclosure, CouncilRole.Clerk, null),
                ("implementation", StepKind.Implementation, CouncilRole.ResponsibleParty, null),
                ("result-disclosure", StepKind.ResultDisclosure, CouncilRole.Clerk, null),
            ],
            steps.Select(s => (s.Id, s.Kind, s.ActingRole, s.Body)));
        Assert.Equal("consultation", steps[3].OnReturned);
        Assert.Equal((7, "consultation"), (steps[4].NoticeDays, steps[4].OnObjectionUpheld));
    }

    [Fact]
    public void TheVillageTemplateVotesInThePartyMembersMeetingThenTheVillagerRepresentatives()
    {
        var steps = ProcessTemplateCatalog.Find("siyi-liang-gongkai", 1).Steps;

        Assert.Equal(
            ["proposal", "consultation", "deliberation", "resolution", "disclosure", "implementation", "result-disclosure"],
            steps.Select(s => s.Id));
        Assert.Equal(["two-committees", "party-members", "villager-representatives"],
            steps.Where(s => s.Body is not null).Select(s => s.Body));
        Assert.Equal("四议两公开", ProcessTemplateCatalog.Latest("siyi-liang-gongkai").Name.Zh);
    }

    [Fact]
    public void AnUnknownVersionOrTemplateIsRefusedNamingWhatIsBuiltIn()
    {
        var version = Assert.Throws<ArgumentException>(() => ProcessTemplateCatalog.Find("siyi-liang-gongkai", 9));
        var template = Assert.Throws<ArgumentException>(() => ProcessTemplateCatalog.Latest("no-such-process"));

        Assert.Contains("siyi-liang-gongkai v1", version.Message);
        Assert.Contains("sanyi-yishen-liang-gongkai", template.Message);
    }

    [Fact]
    public void StoredJsonNamingAnUnknownStepIsRefused()
    {
        var json = ProcessTemplateCatalog.Latest("sanyi-yishen-liang-gongkai").ToJson()
            .Replace("\"onReturned\": \"consultation\"", "\"onReturned\": \"nowhere\"", StringComparison.Ordinal);

        var problem = Assert.Throws<ArgumentException>(() => ProcessTemplate.FromJson(json));

        Assert.Contains("unknown step 'nowhere'", problem.Message);
    }

    [Fact]
    public void ATemplateNeedsAtLeastOneStep()
    {
        var empty = new ProcessTemplate("t", 1, new LocalizedText("t", "t"), []);

        Assert.Contains("at least one step", Assert.Throws<ArgumentException>(() => empty.Validate()).Message);
    }
}
