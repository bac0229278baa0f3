using static Deliberation.Domain.Tests.AgendaItems.ItemScript;
using static Deliberation.Domain.Tests.AgendaItems.People;

namespace Deliberation.Domain.Tests.AgendaItems;

public sealed class NoticePeriodTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(3650)]
    public void RefusesANoticePeriodOutsideOneToNinetyDays(int days)
    {
        var item = CommunityAtDisclosure().Item;

        var refused = Assert.Throws<ArgumentException>(() => item.Disclose(Clerk, Start, days));

        Assert.Equal("noticeDays", refused.ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(90)]
    public void DisclosesWithANoticePeriodAtEitherBound(int days)
    {
        var item = CommunityAtDisclosure().Item;

        item.Disclose(Clerk, Start, days);

        Assert.Equal(Start.AddDays(days), item.NoticeEndsAt);
    }
}
