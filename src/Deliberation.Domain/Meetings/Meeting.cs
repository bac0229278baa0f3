using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Meetings;

/// <summary>A meeting of one body: scheduled → open (roll call, quorum known, items taken in turn) → closed.</summary>
public sealed partial class Meeting
{
    private readonly List<string> _agenda = [];
    private readonly Dictionary<string, AttendanceEntry> _attendance = new(StringComparer.Ordinal);
    private readonly List<BallotHeld> _ballots = [];

    private Meeting() { }

    public string Id { get; private set; } = "";
    public string CouncilId { get; private set; } = "";
    public string BodyId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public string Place { get; private set; } = "";
    public MeetingStatus Status { get; private set; }
    public string? CurrentItemId { get; private set; }
    public IReadOnlyList<string> Agenda => _agenda;
    public IReadOnlyDictionary<string, AttendanceEntry> Attendance => _attendance;
    public IReadOnlyList<BallotHeld> Ballots => _ballots;

    /// <summary>A meeting may be recorded up to a day after it began (the clerk enters it afterwards), and planned two years ahead.</summary>
    public static readonly TimeSpan EarliestStart = TimeSpan.FromDays(1);
    public const int LatestStartYears = 2;

    public static (Meeting Meeting, IReadOnlyList<MeetingEvent> Events) Schedule(Actor by, DateTimeOffset now, string meetingId, string councilId,
        string bodyId, string title, DateTimeOffset startsAt, string place, IReadOnlyList<string> agenda)
    {
        Demand(by, MeetingRefusals.ToSchedule, CouncilRole.Clerk);
        var checkedTitle = TextRules.Required(title, TextKind.Title, "title");
        var checkedPlace = TextRules.Required(place, TextKind.Name, "place");
        if (startsAt < now - EarliestStart || startsAt > now.AddYears(LatestStartYears))
            throw MeetingRefusals.StartsBetween.With(LatestStartYears).Invalid(nameof(startsAt));
        if (agenda.Distinct().Count() != agenda.Count) throw MeetingRefusals.OnAgendaTwice.Invalid(nameof(agenda));
        var meeting = new Meeting();
        return (meeting, meeting.Raise(new MeetingScheduled(meetingId, councilId, bodyId, checkedTitle, startsAt, checkedPlace, agenda.ToList())));
    }

    public static Meeting Replay(IEnumerable<MeetingEvent> events)
    {
        var meeting = new Meeting();
        foreach (var e in events) meeting.Apply(e);
        return meeting;
    }

    public IReadOnlyList<MeetingEvent> AddAgendaItem(Actor by, string itemId)
    {
        Demand(by, MeetingRefusals.ToChangeAgenda, CouncilRole.Clerk);
        Expect(MeetingStatus.Scheduled, MeetingStatus.Open);
        TextRules.Required(itemId, TextKind.Name, "item");
        if (_agenda.Contains(itemId)) throw MeetingRefusals.OnAgendaAlready.Invalid(nameof(itemId));
        return Raise(new AgendaItemAdded(itemId));
    }

    public IReadOnlyList<MeetingEvent> Open(Actor by)
    {
        Demand(by, MeetingRefusals.ToOpen, CouncilRole.Chair, CouncilRole.Clerk);
        Expect(MeetingStatus.Scheduled);
        return Raise(new MeetingOpened());
    }

    public IReadOnlyList<MeetingEvent> RecordAttendance(Actor by, string userId, Attendance attendance, string? proxyFor, IReadOnlyList<RoleHolder> roll)
    {
        Demand(by, MeetingRefusals.ToTakeRoll, CouncilRole.Chair, CouncilRole.Clerk);
        Expect(MeetingStatus.Open);
        if (!Enum.IsDefined(attendance)) throw MeetingRefusals.ChooseAttendance.Invalid(nameof(attendance));
        if (roll.All(m => m.UserId != userId)) throw MeetingRefusals.NotOnRoll.Invalid(nameof(userId));
        if (attendance == Meetings.Attendance.Proxy)
        {
            if (proxyFor is null || roll.All(m => m.UserId != proxyFor) || proxyFor == userId)
                throw MeetingRefusals.ProxyForRoll.Invalid(nameof(proxyFor));
            if (_attendance.Any(a => a.Key != userId && a.Value.ProxyFor == proxyFor))
                throw MeetingRefusals.HasProxy.Invalid(nameof(proxyFor));
            if (_attendance.TryGetValue(proxyFor, out var own) && own.Attendance is Meetings.Attendance.Present or Meetings.Attendance.Proxy)
                throw MeetingRefusals.PresentVotes.Invalid(nameof(proxyFor));
        }
        else proxyFor = null;
        // One vote per member: someone standing in for this member must be recorded otherwise first.
        if (attendance is Meetings.Attendance.Present or Meetings.Attendance.Proxy
            && _attendance.Any(a => a.Key != userId && a.Value.ProxyFor == userId))
            throw MeetingRefusals.ProxyRecorded.Invalid(nameof(userId));
        return Raise(new AttendanceRecorded(userId, attendance, proxyFor));
    }

    /// <summary>Takes up an item; a speech still running on the item before ends <paramref name="now"/> (without it, the chair ends it first).</summary>
    public IReadOnlyList<MeetingEvent> TakeUp(Actor by, string itemId, DateTimeOffset? now = null)
    {
        Demand(by, MeetingRefusals.ToTakeUp, CouncilRole.Chair, CouncilRole.Clerk);
        Expect(MeetingStatus.Open);
        if (!_agenda.Contains(itemId)) throw MeetingRefusals.NotOnAgenda.Invalid(nameof(itemId));
        if (itemId == CurrentItemId) return [];
        return Raise([.. EndRunningSpeech(now), new ItemTakenUp(itemId)]);
    }

    /// <summary>
    /// A ballot on the item under discussion, one at a time. <paramref name="lastBallotOpen"/> is whether the meeting's
    /// latest ballot is still open (its own grain knows); <paramref name="itemId"/>, when given, must be the current item.
    /// </summary>
    public IReadOnlyList<MeetingEvent> HoldBallot(Actor by, string ballotId, string? itemId, bool lastBallotOpen)
    {
        Demand(by, MeetingRefusals.ToOpenBallot, CouncilRole.Chair, CouncilRole.Clerk);
        Expect(MeetingStatus.Open);
        if (CurrentItemId is null) throw new MeetingRuleViolation(MeetingRefusals.TakeUpForBallot);
        if (itemId is not null && itemId != CurrentItemId) throw new MeetingRuleViolation(MeetingRefusals.BallotOnTakenUp);
        if (lastBallotOpen) throw new MeetingRuleViolation(MeetingRefusals.BallotOpen);
        return Raise(new BallotHeld(ballotId, CurrentItemId));
    }

    /// <summary>Closes the meeting; a speech still running ends <paramref name="now"/> (without it, the chair ends it first).</summary>
    public IReadOnlyList<MeetingEvent> Close(Actor by, DateTimeOffset? now = null)
    {
        Demand(by, MeetingRefusals.ToClose, CouncilRole.Chair, CouncilRole.Clerk);
        Expect(MeetingStatus.Open);
        return Raise([.. EndRunningSpeech(now), new MeetingClosed()]);
    }

    /// <summary>
    /// Who counts as present: members present, proxies, and (unless <paramref name="withRepresented"/> is false, for a
    /// body whose proxies do not count toward the quorum) the absent members a proxy stands for.
    /// </summary>
    public Count PresentCount(IReadOnlyList<RoleHolder> roll, bool withRepresented = true)
    {
        var present = new HashSet<string>(_attendance
            .Where(a => a.Value.Attendance is Meetings.Attendance.Present or Meetings.Attendance.Proxy).Select(a => a.Key));
        if (withRepresented) present.UnionWith(_attendance.Values.Where(a => a.ProxyFor is not null).Select(a => a.ProxyFor!));
        var members = roll.Where(m => present.Contains(m.UserId)).ToList();
        return new Count(members.Count, members.Sum(m => m.Weight));
    }

    /// <summary>
    /// The votes of a ballot opened now, where each household votes once (<see cref="CountingUnit.Households"/>): one per
    /// household with a member present (or represented by a proxy), kept under the first of its members present, any
    /// of whom may cast it. <paramref name="householdOf"/> gives a member's household; a member without one is their own.
    /// </summary>
    public IReadOnlyList<BallotVoter> HouseholdVoters(IReadOnlyList<RoleHolder> roll, Func<string, string?> householdOf)
    {
        string Household(string userId) => householdOf(userId) ?? "member:" + userId;
        return Voters(roll)
            .GroupBy(v => Household(v.UserId))
            .Select(household =>
            {
                // Members present speak for their household; a proxy does only when none of it is there.
                var present = household.Where(v => v.CastBy == v.UserId).ToList();
                var speakers = present.Count > 0 ? present : household.ToList();
                var first = speakers[0];
                var others = speakers.Select(v => v.CastBy).Where(u => u != first.CastBy).Distinct().ToList();
                return new BallotVoter(first.UserId, 1m, first.CastBy, others.Count > 0 ? others : null);
            })
            .ToList();
    }

    /// <summary>The electorate by households: the households on the roll, each one vote.</summary>
    public static Count HouseholdElectorate(IReadOnlyList<RoleHolder> roll, Func<string, string?> householdOf)
    {
        var households = roll.Select(m => householdOf(m.UserId) ?? "member:" + m.UserId).Distinct().Count();
        return new Count(households, households);
    }

    /// <summary>Who votes in a ballot now: each member present for themselves, and each proxy also for the member they stand for.</summary>
    public IReadOnlyList<BallotVoter> Voters(IReadOnlyList<RoleHolder> roll)
    {
        var onRoll = roll.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.First());
        var voters = new List<BallotVoter>();
        foreach (var (userId, entry) in _attendance.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (entry.Attendance is not (Meetings.Attendance.Present or Meetings.Attendance.Proxy) || !onRoll.TryGetValue(userId, out var member)) continue;
            voters.Add(new BallotVoter(userId, member.Weight, userId));
            if (entry.ProxyFor is { } absent && onRoll.TryGetValue(absent, out var principal)) voters.Add(new BallotVoter(absent, principal.Weight, userId));
        }
        return voters;
    }

    public void Apply(MeetingEvent e)
    {
        switch (e)
        {
            case MeetingScheduled s:
                (Id, CouncilId, BodyId, Title, StartsAt, Place) = (s.MeetingId, s.CouncilId, s.BodyId, s.Title, s.StartsAt, s.Place);
                _agenda.AddRange(s.Agenda);
                break;
            case AgendaItemAdded a: _agenda.Add(a.ItemId); break;
            case MeetingOpened: Status = MeetingStatus.Open; break;
            case AttendanceRecorded r: ApplyAttendance(r); break;
            case ItemTakenUp t: CurrentItemId = t.ItemId; _takenUp.Add(t.ItemId); break;
            case MeetingClosed: (Status, CurrentItemId) = (MeetingStatus.Closed, null); break;
            case BallotHeld b: _ballots.Add(b); break;
            default: ApplyFloor(e); ApplyAgendaControl(e); break;
        }
    }

    private void Expect(params MeetingStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new MeetingRuleViolation(MeetingRefusals.WrongStatus.With(StatusPart(Status), RefusalPart.Listed(string.Join(" or ", allowed).ToLowerInvariant(), allowed.Select(s => MeetingRefusals.Statuses[s].AsPart().Terms![0]))));
    }

    private static RefusalPart StatusPart(MeetingStatus status) => MeetingRefusals.Statuses[status].AsPart();

    private static void Demand(Actor by, RefusalText attempted, params CouncilRole[] roles)
    {
        if (!roles.Any(r => by.Holds(r))) throw NotPermitted.Requires(attempted, roles);
    }

    private IReadOnlyList<MeetingEvent> Raise(params MeetingEvent[] events)
    {
        foreach (var e in events) Apply(e);
        return events;
    }
}

/// <summary>The meeting is not in the state this needs (e.g. a roll call before it opened).</summary>
public sealed class MeetingRuleViolation : InvalidOperationException
{
    public MeetingRuleViolation(Said said) : base(said.Text) => said.Stamp(this);
}
