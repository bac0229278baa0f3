using Deliberation.Domain.Process;

namespace Deliberation.Domain.AgendaItems;

/// <summary>What an item refuses, in its own words (see <see cref="RefusalText"/>).</summary>
public static class ItemRefusals
{
    public static readonly RefusalText NotAtThisStep = new("item.not-at-this-step", "Cannot {0}: the item is at step {1} '{2}' ({3}). Allowed now: {4}.");
    public static readonly RefusalText NotInProcess = new("item.not-in-process", "Cannot {0}: the item is {1}. Allowed now: {2}.");
    public static readonly RefusalText NotAtAStep = new("item.not-at-a-step", "Cannot {0}: the item is not at a step. Allowed now: {1}.");
    public static readonly RefusalText PastNotice = new("item.past-notice", "Cannot {0}: the item is past its notice period. Allowed now: {1}.");
    public static readonly RefusalText InNotice = new("item.in-notice", "Cannot {0}: the item is in its notice period until {1} UTC. Allowed now: {2}.");
    public static readonly RefusalText AttachPhotos = new("item.act.attach-photos", "attach-photos");

    public static readonly IReadOnlyDictionary<StepKind, RefusalText> StepKinds =
        Enum.GetValues<StepKind>().ToDictionary(k => k, k => new RefusalText($"step-kind.{k}", k.ToString()));

    public static readonly RefusalText SubmitForSomeone = new("item.submit-for-someone", "Only a grid worker may submit on behalf of someone.");
    public static readonly RefusalText SubmitTopic = new("item.submit-topic", "Only a verified resident or grid worker (naming the resident) may submit a topic.");
    public static readonly RefusalText MergeIntoItself = new("item.merge-into-itself", "An item cannot be merged into itself.");
    public static readonly RefusalText ProposalOptions = new("item.proposal-options", "A proposal has at most 20 options.");
    public static readonly RefusalText GiveReason = new("item.give-reason", "Give a reason: it is part of the public record.");
    public static readonly RefusalText GiveDeadline = new("item.give-deadline", "Give a deadline.");
    public static readonly RefusalText ProgressPercent = new("item.progress-percent", "Progress is between 0 and 100 percent.");
    public static readonly RefusalText RatedAlready = new("item.rated-already", "You have rated this result already.");
    public static readonly RefusalText NoSuchObjection = new("item.no-such-objection", "There is no undecided objection number {0}.");
    public static readonly RefusalText NoPhoto = new("item.no-photo", "Choose at least one photo.");
    public static readonly RefusalText PhotosOwnTopic = new("item.photos-own-topic", "Only whoever submitted the topic may add photos to it.");
    public static readonly RefusalText NoSuchProgressReport = new("item.no-such-progress-report", "There is no progress report {0}.");
    public static readonly RefusalText TooManyPhotos = new("item.too-many-photos", "At most {0} photos per topic or progress report.");
    public static readonly RefusalText NotAPhoto = new("item.not-a-photo", "Not a photo id.");
    public static readonly RefusalText PhotoWidth = new("item.photo-width", "A photo's width is 1 to 10,000 pixels.");
    public static readonly RefusalText PhotoHeight = new("item.photo-height", "A photo's height is 1 to 10,000 pixels.");
}
