using Deliberation.Domain.AgendaItems;
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

    [Fact]
    public void EndsByItselfOnceDueAndMovesTheItemOn()
    {
        var item = CommunityAtDisclosure().Disclosed().Item;
        var step = item.CurrentStepIndex;

        var events = item.EndNoticeWhenDue(item.NoticeEndsAt!.Value);

        Assert.IsType<NoticePeriodEnded>(events[0]);
        Assert.True(item.CurrentStepIndex > step);
        Assert.Null(item.NoticeDueAt);
    }

    [Fact]
    public void DoesNothingBeforeTheNoticePeriodIsOver()
    {
        var item = CommunityAtDisclosure().Disclosed().Item;

        var events = item.EndNoticeWhenDue(item.NoticeEndsAt!.Value.AddMinutes(-1));

        Assert.Empty(events);
        Assert.Equal(item.NoticeEndsAt, item.NoticeDueAt);
    }

    [Fact]
    public void WaitsForThePendingObjectionToBeDecided()
    {
        var item = CommunityAtDisclosure().Disclosed().Item;
        item.Object(Resident, Start.AddDays(1), "The lights face my window.");
        var due = item.NoticeEndsAt!.Value;

        var whilePending = item.EndNoticeWhenDue(due);
        item.DismissObjection(Clerk, 1, "Shielded lamps are planned.");
        var afterDecision = item.EndNoticeWhenDue(due);

        Assert.Empty(whilePending);
        Assert.IsType<NoticePeriodEnded>(afterDecision[0]);
    }

    [Fact]
    public void HasNothingDueBeforeDisclosure()
    {
        var item = CommunityAtDisclosure().Item;

        Assert.Null(item.NoticeDueAt);
        Assert.Empty(item.EndNoticeWhenDue(Start.AddYears(1)));
    }
}
