using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Tests.DecisionRules;

public class TallyTests
{
    private static Count C(int members, decimal weight) => new(members, weight);

    [Fact]
    public void AcceptsAConsistentTally()
    {
        var tally = Tally.Create(C(10, 10), C(6, 6), C(3, 3), C(2, 2), C(1, 1));

        Assert.Equal(C(5, 5), tally.VotesCast);
    }

    [Theory]
    [InlineData("electorate")]
    [InlineData("present")]
    [InlineData("for")]
    [InlineData("against")]
    [InlineData("abstain")]
    public void RejectsANegativeCountNamingIt(string name)
    {
        Count Pick(string n, Count ok) => n == name ? C(-1, 0) : ok;

        var error = Assert.Throws<ArgumentException>(() => Tally.Create(
            Pick("electorate", C(10, 10)), Pick("present", C(6, 6)), Pick("for", C(1, 1)),
            Pick("against", C(1, 1)), Pick("abstain", C(1, 1))));

        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void RejectsMorePresentThanTheElectorate()
    {
        var error = Assert.Throws<ArgumentException>(() => Tally.Create(C(10, 10), C(11, 10), C(0, 0), C(0, 0), C(0, 0)));

        Assert.Equal("present", error.ParamName);
    }

    [Fact]
    public void RejectsMoreVotesThanThosePresentByWeight()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Tally.Create(C(10, 100m), C(6, 60m), C(3, 30m), C(3, 30.01m), C(0, 0)));

        Assert.Equal("for", error.ParamName);
    }
}
