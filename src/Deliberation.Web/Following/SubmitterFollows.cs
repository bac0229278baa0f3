using Deliberation.Domain.Councils;
using Orleans;

namespace Deliberation.Web.Following;

/// <summary>
/// The person who submits a topic follows it from then on, so every step reaches their inbox. Done after the item
/// exists (its grain is asked whether they may read it); if it fails, the submission answers as failed and a resend
/// with the same request id finds the item made and follows it then: following twice records nothing.
/// </summary>
public static class SubmitterFollows
{
    public static Task FollowAsync(IGrainFactory grains, string councilId, string itemId, Actor submitter) =>
        grains.GetGrain<IFollowingGrain>(submitter.UserId).FollowAsync(councilId, itemId, submitter);
}
