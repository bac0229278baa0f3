namespace Deliberation.Domain.Requests;

/// <summary>What a small request refuses, in its own words (see <see cref="RefusalText"/>).</summary>
public static class RequestRefusals
{
    public static readonly RefusalText NotNow = new("request.not-now", "Cannot {0}: the request is {1}. Allowed now: {2}.");
    public static readonly RefusalText PostForSomeone = new("request.post-for-someone", "Only a grid worker may post on behalf of someone.");
    public static readonly RefusalText PostRequest = new("request.post-request", "Only a verified resident or grid worker (naming the resident) may post a small request.");
    public static readonly RefusalText ChooseCategory = new("request.choose-category", "Choose one of the council's categories.");
    public static readonly RefusalText DispatchTo = new("request.dispatch-to", "Dispatch to a volunteer group or to one person.");
    public static readonly RefusalText VolunteersTake = new("request.volunteers-take", "Only a volunteer may take a request.");
    public static readonly RefusalText DispatchedElsewhere = new("request.dispatched-elsewhere", "This request was dispatched to someone else.");
    public static readonly RefusalText TakerReportsDone = new("request.taker-reports-done", "Only the volunteer who took it may report it done.");
    public static readonly RefusalText PosterConfirms = new("request.poster-confirms", "Only the one who posted it may confirm it.");
    public static readonly RefusalText ToDispatch = new("request.act.dispatch", "dispatch a request");

    public static RefusalPart Action(SmallRequestAction action) => new(SmallRequest.Kebab(action), [$"request.action.{SmallRequest.Kebab(action)}"]);

    public static RefusalPart Status(SmallRequestStatus status) => new(status.ToString().ToLowerInvariant(), [$"request.status.{status}"]);

    public static RefusalPart Allowed(IReadOnlyList<SmallRequestAction> allowed) => RefusalPart.Listed(
        allowed.Count == 0 ? "nothing" : string.Join(", ", allowed.Select(SmallRequest.Kebab)),
        allowed.Select(a => $"request.action.{SmallRequest.Kebab(a)}"));
}
