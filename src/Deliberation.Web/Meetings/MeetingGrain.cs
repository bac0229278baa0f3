using Deliberation.Web.Errors;
using Deliberation.Web.Grains;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;
using Deliberation.Domain.Meetings;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Meetings;

public sealed class MeetingGrain(TimeProvider clock, MeetingPush push, ILogger<MeetingGrain> logger)
    : AggregateGrain<Meeting, MeetingEvent>(Category), IMeetingGrain
{
    public const string Category = "meeting";

    // The durability of each member's check-in while it is on its way, so that a resend is answered only once the first
    // is durable (and fails with it). Emptied when the view is rebuilt from the log.
    private readonly Dictionary<string, Task> _checkingIn = new(StringComparer.Ordinal);

    private MeetingChangeWindow? _changes;

    // The members whose attendance was recorded since the last push: the next push carries their entries, not the roll.
    private readonly HashSet<string> _attendanceChanged = new(StringComparer.Ordinal);

    // The view last built, with the durable version it was built on (see GetAsync).
    private (MeetingView View, int Version, DateTimeOffset BuiltAt)? _latest;

    private MeetingChangeWindow Changes => _changes ??= new MeetingChangeWindow(clock, MeetingPush.ChangeWindow, PushLatestAsync, logger);

    protected override Meeting Fold(Meeting? meeting, MeetingEvent e)
    {
        meeting ??= Meeting.Replay([]);
        meeting.Apply(e);
        return meeting;
    }

    protected override string ScopeOf(Meeting meeting) => meeting.CouncilId;

    protected override object SummaryOf(Meeting meeting, DateTimeOffset at) => new MeetingSummary(meeting.Id, meeting.CouncilId,
        meeting.BodyId, meeting.Title, meeting.StartsAt, meeting.Place, meeting.Status);

    /// <summary>The catalogue row, for a history written without the grain (the demo's past meeting).</summary>
    public static Deliberation.Runtime.EventLog.StreamSummary CatalogueRowOf(Meeting meeting, DateTimeOffset at) =>
        CatalogueRow($"{Category}-{meeting.Id}", Category, meeting.CouncilId, new MeetingSummary(meeting.Id, meeting.CouncilId,
            meeting.BodyId, meeting.Title, meeting.StartsAt, meeting.Place, meeting.Status), at, false, null);

    public async Task<MeetingView> ScheduleAsync(string councilId, ScheduleMeeting request, Actor by)
    {
        if (Current is not null) throw new ArgumentException($"Meeting '{Key}' already exists.");
        var council = await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetAsync() ?? throw new NotFound(WebRefusals.NoSuchCouncil);
        if (council.Bodies.All(b => b.Id != request.BodyId))
            throw WebRefusals.NoBody.With(request.BodyId).Invalid(nameof(request.BodyId));
        var now = clock.GetUtcNow();
        var (meeting, events) = Meeting.Schedule(by, now, Key, councilId, request.BodyId, request.Title ?? "", request.StartsAt,
            request.Place ?? "", request.Agenda ?? []);
        foreach (var itemId in meeting.Agenda) await RequireItemAsync(councilId, itemId, by);
        await CommitNewAsync(meeting, events, by.UserId, now);
        return await ViewAsync(meeting);
    }

    public async Task<MeetingView> ActAsync(string councilId, MeetingCommand command, Actor by)
    {
        if (Current is not { } meeting || meeting.CouncilId != councilId)
            throw new NotFound(WebRefusals.NoMeetingHere.With(Key));
        var now = clock.GetUtcNow();
        var events = command switch
        {
            AddAgendaItem c => meeting.AddAgendaItem(by, await RequireItemAsync(councilId, c.ItemId, by)),
            OpenMeeting => meeting.Open(by),
            RecordAttendance c => meeting.RecordAttendance(by, c.UserId, c.Attendance, c.ProxyFor, await RollAsync(meeting)),
            TakeUpItem c => meeting.TakeUp(by, c.ItemId, now),
            CloseMeeting => meeting.Close(by, now),
            RequestFloor c => meeting.RequestFloor(by, c.MemberId ?? by.UserId, await RollAsync(meeting)),
            WithdrawFloorRequest c => meeting.WithdrawFloorRequest(by, c.MemberId ?? by.UserId),
            GiveFloor c => meeting.GiveFloor(by, c.MemberId ?? "", now, await SpeakingTimeAsync(councilId), await RollAsync(meeting)),
            EndSpeech c => meeting.EndSpeech(by, c.MemberId ?? "", now),
            CloseSpeakersList => meeting.CloseSpeakersList(by),
            ReorderAgenda c => meeting.ReorderAgenda(by, c.Agenda ?? []),
            RescheduleMeeting c => meeting.Reschedule(by, now, c.StartsAt, c.Place ?? "", c.Reason),
            CancelMeeting c => meeting.Cancel(by, c.Reason ?? ""),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}."),
        };
        await CommitAsync(events, by.UserId, now);
        if (events.Count > 0)
        {
            _attendanceChanged.UnionWith(events.OfType<AttendanceRecorded>().Select(r => r.UserId));
            Changes.Changed();
        }
        return await ViewAsync(meeting);
    }

    public async Task<CheckInReceipt> CheckInAsync(string councilId, Actor by)
    {
        // No await before the raise: this part runs in one piece on the activation.
        var meeting = Current is { } live && live.CouncilId == councilId ? live : throw new NotFound(WebRefusals.NoMeetingHere.With(Key));
        var events = meeting.CheckIn(by);
        var durable = events.Count > 0 ? Raise(events, by.UserId, clock.GetUtcNow()) : _checkingIn.GetValueOrDefault(by.UserId) ?? Task.CompletedTask;
        if (events.Count > 0)
        {
            _checkingIn[by.UserId] = durable;
            _attendanceChanged.Add(by.UserId);
        }
        var receipt = new CheckInReceipt(meeting.Id, by.UserId, meeting.Attendance[by.UserId].Attendance.ToString());
        try
        {
            await durable;
        }
        finally
        {
            if (events.Count > 0 && _checkingIn.GetValueOrDefault(by.UserId) == durable) _checkingIn.Remove(by.UserId);
        }
        if (events.Count > 0) Changes.Changed();
        return receipt;
    }

    // The adaptor reports a tentative change only when it has rebuilt the view from the log (after activation or a
    // failed write): what was in flight then is gone, and a resend is decided afresh.
    protected override void OnTentativeStateChanged()
    {
        _checkingIn.Clear();
        _latest = null;
    }

    /// <summary>
    /// The meeting as it is now, to its screens, once what it shows is durable: a write that fails takes its push with it
    /// (the view is rebuilt from the log, and the next change pushes that).
    /// </summary>
    private async Task PushLatestAsync()
    {
        if (Current is not { } meeting) return;
        // Taken before the view is built, so each is in it; one recorded meanwhile is also in the next push.
        var changed = _attendanceChanged.ToHashSet(StringComparer.Ordinal);
        _attendanceChanged.Clear();
        try
        {
            var view = await ViewAsync(meeting);
            await ConfirmEvents();
            await push.MeetingChangedAsync(view, changed);
        }
        catch
        {
            _attendanceChanged.UnionWith(changed);
            throw;
        }
    }

    /// <summary>
    /// A hall's screens join by the thousand, each asking for the meeting: the view last built serves them while nothing
    /// durable changed since and it is younger than the push window (the roll and the council's settings are read again
    /// after that), so a wave of joins builds it a few times, not once each.
    /// </summary>
    public async Task<MeetingView?> GetAsync(string councilId)
    {
        if (Current is not { } meeting || meeting.CouncilId != councilId) return null;
        if (_latest is { } latest && latest.Version == Version && clock.GetUtcNow() - latest.BuiltAt < MeetingPush.ChangeWindow)
            return latest.View;
        return await ViewAsync(meeting);
    }

    /// <summary>
    /// The meeting records the ballot first, so it always knows its ballots; should the ballot then fail to open, the
    /// meeting names a ballot that does not exist, which every reader skips and which does not hold up the next one.
    /// What the ballot would refuse is checked before anything is written.
    /// </summary>
    public async Task<BallotView> OpenBallotAsync(string councilId, OpenBallot request, Actor by)
    {
        if (Current is not { } meeting || meeting.CouncilId != councilId) throw new NotFound(WebRefusals.NoMeetingHere.With(Key));
        var lastOpen = meeting.Ballots.Count > 0
            && await GrainFactory.GetGrain<IBallotGrain>(meeting.Ballots[^1].BallotId).IsOpenAsync(councilId);
        var roll = await RollAsync(meeting);
        var council = await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetAsync() ?? throw new NotFound(WebRefusals.NoSuchCouncil);
        var body = council.Bodies.First(b => b.Id == meeting.BodyId);
        var terms = new BallotTerms(request.Kind ?? BallotKind.Named, request.Options ?? [], request.MaxChoices ?? 1,
            request.Options is { Count: > 0 } ? request.SelectionRuleId ?? "plurality" : null,
            new BallotPractice(body.VotesMayChange, body.ProxiesCountTowardQuorum)).Checked();
        var (voters, electorate) = await VotesAsync(meeting, roll, DecisionRuleCatalog.Find(body.DecisionRuleId));
        var ballotId = Identifiers.New("ballot");
        var events = meeting.HoldBallot(by, ballotId, request.ItemId, lastOpen);
        if (voters.Count == 0)
        {
            DiscardView();
            throw new BallotRuleViolation(Domain.Ballots.BallotRefusals.NobodyPresent);
        }
        await CommitAsync(events, by.UserId, clock.GetUtcNow());
        var setup = new BallotSetup(councilId, meeting.Id, meeting.CurrentItemId!, meeting.BodyId, body.DecisionRuleId,
            electorate, voters, terms);
        // The ballot's opening goes to every screen at once and adds it to their list; a meeting push after it would be
        // a second send to the whole hall as the first votes arrive (docs/performance.md), saying nothing new.
        return await GrainFactory.GetGrain<IBallotGrain>(ballotId).OpenAsync(setup, by);
    }

    /// <summary>The agenda names items of this council only; an unknown one is refused before anything is written.</summary>
    private async Task<string> RequireItemAsync(string councilId, string? itemId, Actor by)
    {
        if (!Identifiers.IsValid(itemId) || await GrainFactory.GetGrain<IAgendaItemGrain>(itemId!).GetAsync(councilId, by) is null)
            throw WebRefusals.NoItemForAgenda.Invalid("itemId");
        return itemId!;
    }

    private async Task<TimeSpan> SpeakingTimeAsync(string councilId) =>
        TimeSpan.FromMinutes((await GrainFactory.GetGrain<ICouncilGrain>(councilId).GetAsync())?.SpeakingMinutes ?? Council.DefaultSpeakingMinutes);

    /// <summary>A ballot's votes and electorate: one per member with their weight, or one per household where the body's rule says so.</summary>
    private async Task<(IReadOnlyList<BallotVoter> Voters, Count Electorate)> VotesAsync(Meeting meeting, IReadOnlyList<RoleHolder> roll, DecisionRule rule)
    {
        if (rule.CountsBy != CountingUnit.Households) return (meeting.Voters(roll), new Count(roll.Count, roll.Sum(h => h.Weight)));
        var households = await GrainFactory.GetGrain<ICouncilGrain>(meeting.CouncilId).GetHouseholdsAsync();
        string? HouseholdOf(string userId) => households.GetValueOrDefault(userId);
        return (meeting.HouseholdVoters(roll, HouseholdOf), Meeting.HouseholdElectorate(roll, HouseholdOf));
    }

    private async Task<IReadOnlyList<RoleHolder>> RollAsync(Meeting meeting) =>
        (await GrainFactory.GetGrain<ICouncilGrain>(meeting.CouncilId).GetRoleHoldersAsync())
            .Where(h => h.Role == CouncilRole.Member && h.Body == meeting.BodyId)
            .Select(h => new RoleHolder(h.UserId, h.DisplayName, h.Role, h.Body, h.Weight)).ToList();

    /// <summary>
    /// Asks the council for the roll and its settings first, then builds the view in one piece: interleaved check-ins
    /// change the attendance meanwhile, and the counts must agree with the list.
    /// </summary>
    private async Task<MeetingView> ViewAsync(Meeting meeting)
    {
        var roll = await RollAsync(meeting);
        var council = await GrainFactory.GetGrain<ICouncilGrain>(meeting.CouncilId).GetAsync();
        var (version, builtAt) = (Version, clock.GetUtcNow());
        var present = meeting.PresentCount(roll);
        var body = council?.Bodies.FirstOrDefault(b => b.Id == meeting.BodyId);
        var proxiesCount = body?.ProxiesCountTowardQuorum ?? true;
        bool? quorum = body is not null && meeting.Status != MeetingStatus.Scheduled && roll.Count > 0
            ? DecisionRuleCatalog.Find(body.DecisionRuleId).Evaluate(Tally.Create(
                new Count(roll.Count, roll.Sum(h => h.Weight)), present, Count.Zero, Count.Zero, Count.Zero)
                with { QuorumPresent = proxiesCount ? null : meeting.PresentCount(roll, withRepresented: false) }).Quorum
            : null;
        var view = new MeetingView(meeting.Id, meeting.CouncilId, meeting.BodyId, meeting.Title, meeting.StartsAt, meeting.Place,
            meeting.Status.ToString(), meeting.Agenda.ToList(), meeting.CurrentItemId,
            meeting.Attendance.Select(a => new AttendanceView(a.Key, a.Value.Attendance.ToString(), a.Value.ProxyFor)).ToList(),
            roll.Count, present.Members, present.Weight, quorum, meeting.Ballots.Select(b => b.BallotId).ToList(), proxiesCount)
        {
            TimeZoneId = council?.TimeZoneId ?? Domain.CouncilTime.DefaultZoneId,
            SpeakingMinutes = council?.SpeakingMinutes ?? Council.DefaultSpeakingMinutes,
            Floor = meeting.CurrentItemId is { } current ? FloorOf(meeting.SpeakersOn(current)) : null,
            CancelReason = meeting.CancelReason,
            TakenUp = meeting.Agenda.Where(meeting.TakenUp.Contains).ToList(),
        };
        _latest = (view, version, builtAt);
        return view;
    }

    private static FloorView FloorOf(SpeakersList list) => new(list.Waiting, list.Speaking is { } now ? SpeechOf(now) : null, list.Closed,
        list.Spoken.Select(SpeechOf).ToList());

    private static SpeechView SpeechOf(Speech speech) =>
        new(speech.MemberId, speech.StartedAt, (int)speech.TimeLimit.TotalSeconds, speech.EndedAt);
}
