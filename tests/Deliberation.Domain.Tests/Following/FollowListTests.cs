using Deliberation.Domain.Following;

namespace Deliberation.Domain.Tests.Following;

public sealed class FollowListTests
{
    [Fact]
    public void FollowingRecordsTheItem()
    {
        var list = FollowList.Empty();

        var events = list.Follow("lakeside", "item-a");

        Assert.Equal([new ItemFollowed("lakeside", "item-a")], events);
        Assert.True(list.Follows("lakeside", "item-a"));
    }

    [Fact]
    public void FollowingTwiceRecordsNothingMore()
    {
        var list = FollowList.Empty();
        list.Follow("lakeside", "item-a");

        var events = list.Follow("lakeside", "item-a");

        Assert.Empty(events);
        Assert.Single(list.Items);
    }

    [Fact]
    public void UnfollowingWhatIsNotFollowedRecordsNothing()
    {
        var list = FollowList.Empty();

        Assert.Empty(list.Unfollow("lakeside", "item-a"));
    }

    [Fact]
    public void TheSameItemIdInAnotherCouncilIsAnotherItem()
    {
        var list = FollowList.Empty();
        list.Follow("lakeside", "item-a");

        Assert.False(list.Follows("hillside", "item-a"));
    }

    [Fact]
    public void ReplayGivesBackTheListAfterFollowsAndUnfollows()
    {
        var list = FollowList.Empty();
        var events = list.Follow("lakeside", "item-a").Concat(list.Follow("lakeside", "item-b"))
            .Concat(list.Unfollow("lakeside", "item-a")).ToList();

        var replayed = FollowList.Replay(events);

        Assert.Equal([new FollowedItem("lakeside", "item-b")], replayed.Items);
    }

    [Fact]
    public void RefusesToFollowBeyondTheLimit()
    {
        var list = FollowList.Empty();
        for (var i = 0; i < FollowList.Limit; i++) list.Follow("lakeside", $"item-{i}");

        var refused = Assert.Throws<ArgumentException>(() => list.Follow("lakeside", "item-one-more"));

        Assert.Contains("500", refused.Message);
        Assert.Equal(FollowList.Limit, list.Items.Count);
    }

    [Theory]
    [InlineData("", "item-a")]
    [InlineData("lakeside", " ")]
    public void RefusesAnItemWithoutAName(string councilId, string itemId)
    {
        Assert.Throws<ArgumentException>(() => FollowList.Empty().Follow(councilId, itemId));
    }
}
