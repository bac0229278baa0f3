using Deliberation.Domain.Councils;
using Deliberation.Web.Accounts;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;
using Deliberation.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Orleans;

namespace Deliberation.Web.Meetings;

/// <summary>
/// What the live screens (console, member page, hall display) share: the meeting as this viewer may see it, kept
/// current by pushes (<see cref="LiveMeetings"/>) once the circuit runs, and a line announcing each change.
/// Rendered first on the server like any page, so a screen shows the meeting before its script has loaded.
/// </summary>
public abstract class LiveMeetingScreen : ComponentBase, ILiveScreen, IAsyncDisposable
{
    [Parameter] public string CouncilId { get; set; } = "";
    [Parameter] public string MeetingId { get; set; } = "";

    [Inject] protected IGrainFactory Grains { get; set; } = null!;
    [Inject] protected CouncilActorCache Actors { get; set; } = null!;
    [Inject] protected LiveMeetings Live { get; set; } = null!;
    [Inject] protected AuthenticationStateProvider Authentication { get; set; } = null!;
    [Inject] protected LiveMeetingActions Actions { get; set; } = null!;
    [Inject] protected UiText Text { get; set; } = null!;

    protected MeetingView? Meeting { get; private set; }
    protected Actor? Viewer { get; private set; }
    protected IReadOnlyList<RoleHolderView> Roll { get; private set; } = [];
    protected Dictionary<string, ItemView> Items { get; } = new(StringComparer.Ordinal);
    protected List<BallotView> Ballots { get; private set; } = [];

    /// <summary>The latest change, in words, for the page's polite live region.</summary>
    protected string Announcement { get; private set; } = "";

    private IAsyncDisposable? _watch;

    /// <summary>Whether pushes reach this screen (its circuit runs and it is subscribed); pages mark it for tests.</summary>
    protected bool Watching { get; private set; }

    protected BallotView? OpenBallot => Ballots.LastOrDefault(b => b.Status == "Open");
    protected BallotView? LastClosedBallot => Ballots.LastOrDefault(b => b.Status == "Closed");
    protected bool Running => Meeting?.Status == "Open";
    protected string NameOf(string userId) => _names.GetValueOrDefault(userId) ?? userId;

    // Looked up for every name on a render (a closed named ballot lists each voter): not a search of the roll each time.
    private Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether this screen lists members one by one (the chair's console: the roll call, who voted what). Pushes carry
    /// counts and results; such a screen reads the whole meeting, or the closed ballot, from its grain when a push says
    /// they changed. The others show the counts as pushed.
    /// </summary>
    protected virtual bool ListsMembers => false;

    /// <summary>
    /// Whether this screen follows an open ballot's turnout as it moves (the console, the hall display). A member's
    /// phone does not: in a hall of thousands it would be redrawn with every tick, for a number its receipt gives.
    /// </summary>
    protected virtual bool ShowsTurnout => true;

    /// <summary>Attendance as it becomes known: every entry when the screen loads, then those a push says were recorded.</summary>
    protected virtual void AttendanceRecorded(IReadOnlyList<AttendanceView> entries) { }

    protected string TitleOf(string? itemId) => itemId is null ? ""
        : Items.TryGetValue(itemId, out var item) ? item.Title : Text["meeting.item-not-public"];

    /// <summary>
    /// In the circuit, subscribes first and reads the meeting afterwards, so that no change falls between the two.
    /// (Prerendered on the server, the page only reads.)
    /// </summary>
    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive && Identifiers.IsValid(CouncilId) && Identifiers.IsValid(MeetingId))
        {
            _watch = await Live.WatchAsync(CouncilId, MeetingId, this);
            Watching = true;
        }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (!Identifiers.IsValid(CouncilId) || !Identifiers.IsValid(MeetingId)
            || await Grains.GetGrain<IMeetingGrain>(MeetingId).GetAsync(CouncilId) is not { } meeting)
        {
            Meeting = null;
            return;
        }
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        try { Viewer = await AccessCheck.ActorAsync(new AccessAttribute(Audience.Public), user, CouncilId, Actors); }
        catch (AccessRefused) { Viewer = null; }
        Roll = (await Grains.GetGrain<ICouncilGrain>(CouncilId).GetRoleHoldersAsync())
            .Where(h => h.Role == CouncilRole.Member && h.Body == meeting.BodyId).OrderBy(h => h.DisplayName).ToList();
        _names = Roll.GroupBy(m => m.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.Ordinal);
        await ShowAsync(meeting);
        AttendanceRecorded(meeting.Attendance);
        Ballots = (await BallotCatalogue.ForMeetingAsync(Grains, CouncilId, meeting.Ballots, Viewer)).ToList();
    }

    private async Task ShowAsync(MeetingView meeting)
    {
        Meeting = await MeetingDisclosure.ForViewerAsync(meeting, Grains, Viewer);
        foreach (var itemId in Meeting.Agenda.Where(id => Identifiers.IsValid(id) && !Items.ContainsKey(id)))
            if (await Grains.GetGrain<IAgendaItemGrain>(itemId).GetAsync(CouncilId, Viewer) is { } item) Items[itemId] = item;
    }

    public Task MeetingChangedAsync(MeetingView meeting) => InvokeAsync(async () =>
    {
        var before = Meeting;
        if (meeting.AttendanceChanges is { } recorded)
        {
            AttendanceRecorded(recorded);
            if (ListsMembers)
                meeting = before is { AttendanceChanges: null } && recorded.Count == 0
                    ? meeting with { Attendance = before.Attendance, AttendanceChanges = null }
                    : await Grains.GetGrain<IMeetingGrain>(MeetingId).GetAsync(CouncilId) ?? meeting;
        }
        await ShowAsync(meeting);
        if (before?.Status != Meeting!.Status) Announce(Text[$"meeting.status.{Meeting.Status}"]);
        else if (before.CurrentItemId != Meeting.CurrentItemId && Meeting.CurrentItemId is { } current)
            Announce(Text.Format("live.now-discussing", TitleOf(current)));
        else if (Meeting.Floor?.Speaking is { } speaking && before.Floor?.Speaking?.MemberId != speaking.MemberId)
            Announce(Text.Format("floor.now-speaking", NameOf(speaking.MemberId)));
        else if (before.PresentMembers != Meeting.PresentMembers)
            Announce(Text.Format("live.present", Meeting.PresentMembers, Meeting.RollSize));
        StateHasChanged();
    });

    public Task BallotChangedAsync(BallotView ballot, bool @public) => InvokeAsync(async () =>
    {
        if (!@public && !MeetingDisclosure.SeesEverything(Viewer)) return;
        var held = Ballots.FindIndex(b => b.Id == ballot.Id);
        // Nothing older follows a closing; turnout only grows.
        if (held >= 0 && Ballots[held].Status == "Closed") return;
        if (ballot.Status == "Open" && held >= 0 && !ShowsTurnout) return;
        BallotView shown;
        if (ballot.Status == "Open" && held >= 0)
            shown = Ballots[held] with { VotesCast = Math.Max(ballot.VotesCast, Ballots[held].VotesCast) };
        else if (ballot.Status == "Open")
        {
            // A new ballot: this viewer's own view says whom they may vote for.
            shown = (Viewer is null ? null : await Grains.GetGrain<IBallotGrain>(ballot.Id).GetAsync(CouncilId, Viewer)) ?? ballot;
            Announce(Text.Format("live.ballot-opened", TitleOf(ballot.ItemId)));
        }
        else
        {
            // A named ballot's push leaves out who voted what; a screen that lists it reads the ballot (as its viewer may see it).
            shown = (ListsMembers && ballot.NamedVotes > ballot.Votes.Count
                ? await Grains.GetGrain<IBallotGrain>(ballot.Id).GetAsync(CouncilId, Viewer) : null) ?? ballot with { YouMayCastFor = [] };
            if (ballot.Result is { } r) Announce(Text.Format("live.ballot-closed", TitleOf(ballot.ItemId),
                r.Passes ? Text["ballot.passes"] : r.Quorum ? Text["ballot.fails"] : Text["ballot.no-quorum"]));
        }
        if (held >= 0) Ballots[held] = shown;
        else Ballots.Add(shown);
        StateHasChanged();
    });

    /// <summary>A ballot as this screen now holds it, after the viewer acted on it (e.g. voted).</summary>
    protected void Replace(BallotView ballot)
    {
        var held = Ballots.FindIndex(b => b.Id == ballot.Id);
        if (held >= 0) Ballots[held] = ballot;
    }

    protected void Announce(string text) => Announcement = text;

    /// <summary>What went wrong with the viewer's last action, in words; null when it worked.</summary>
    protected string? Failure { get; set; }

    /// <summary>
    /// Runs one of the viewer's actions. A refusal or a rule of the meeting is told as such; anything else means the
    /// outcome is unknown (a grain or the database unreachable), and the viewer may try again.
    /// </summary>
    protected async Task<bool> RunAsync(Func<Task> action)
    {
        Failure = null;
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (IsRefusal(e))
        {
            // In the page's language, as a form would say it.
            Failure = FormMessages.For(e);
        }
        catch (Exception)
        {
            Failure = Text["live.unknown-outcome"];
        }
        return false;
    }

    protected static bool IsRefusal(Exception e) => e is AccessRefused or ArgumentException or Domain.NotPermitted or NotFound
        or Domain.ProcessRuleViolation or Domain.Meetings.MeetingRuleViolation or Domain.Ballots.BallotRuleViolation;

    public virtual async ValueTask DisposeAsync()
    {
        if (_watch is not null) await _watch.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
