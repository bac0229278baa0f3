using Deliberation.Domain.Ballots;
using Deliberation.Domain.DecisionRules;

namespace Deliberation.Domain.Councils;

/// <summary>
/// A council (议事会): its bodies with their decision rules, who holds which role, and its household invitations.
/// Commands check and return events already applied; nothing here does I/O.
/// </summary>
public sealed partial class Council
{
    private readonly List<Body> _bodies = [];
    private readonly List<RoleHolder> _holders = [];
    private readonly Dictionary<string, Invitation> _invitations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _households = new(StringComparer.Ordinal);

    private Council() { }

    public string Id { get; private set; } = "";
    public LocalizedText Name { get; private set; } = new("", "");
    public string Place { get; private set; } = "";
    public string DefaultTemplateId { get; private set; } = "";
    public int NoticeDays { get; private set; }
    public IReadOnlyList<Body> Bodies => _bodies;
    public IReadOnlyList<RoleHolder> RoleHolders => _holders;

    public static (Council Council, IReadOnlyList<CouncilEvent> Events) Found(
        string councilId, LocalizedText name, string place, string defaultTemplateId, int noticeDays)
    {
        Require(councilId, "council id");
        Require(defaultTemplateId, "default template");
        if (noticeDays is < AgendaItems.AgendaItem.MinNoticeDays or > AgendaItems.AgendaItem.MaxNoticeDays)
            throw CommonRefusals.NoticeDays.With(AgendaItems.AgendaItem.MinNoticeDays, AgendaItems.AgendaItem.MaxNoticeDays).Invalid(nameof(noticeDays));
        var council = new Council();
        return (council, council.Raise(new CouncilFounded(councilId, Named(name, "council name"), TextRules.Check(place, TextKind.Name, "place"),
            defaultTemplateId, noticeDays)));
    }

    public static Council Replay(IEnumerable<CouncilEvent> events)
    {
        var council = new Council();
        foreach (var e in events) council.Apply(e);
        return council;
    }

    public IReadOnlyList<CouncilEvent> EstablishBody(Actor by, string bodyId, LocalizedText name, string decisionRuleId, BallotPractice? practice = null)
    {
        RequireClerk(by, CouncilRefusals.ToEstablishBody);
        Require(bodyId, "body id");
        name = Named(name, "body name");
        if (_bodies.Any(b => b.Id == bodyId)) throw CouncilRefusals.HasBody.With(bodyId).Invalid(nameof(bodyId));
        if (!DecisionRuleCatalog.TryFind(decisionRuleId, out _))
            throw CouncilRefusals.UnknownRule.With(decisionRuleId).Invalid(nameof(decisionRuleId));
        return Raise(new BodyEstablished(bodyId, name, decisionRuleId, practice));
    }

    public IReadOnlyList<CouncilEvent> GrantRole(Actor by, string userId, string displayName, CouncilRole role, string? body, decimal weight, string reason)
    {
        RequireClerk(by, CouncilRefusals.ToGrantRoles);
        Require(userId, "user");
        displayName = TextRules.Required(displayName, TextKind.Name, "name");
        if (!Enum.IsDefined(role)) throw CouncilRefusals.NoSuchRole.Invalid(nameof(role));
        if (role == CouncilRole.Member)
        {
            if (body is null || _bodies.All(b => b.Id != body)) throw CouncilRefusals.MemberOfBody.With(body ?? "").Invalid(nameof(body));
            if (weight <= 0) throw CouncilRefusals.MemberWeight.Invalid(nameof(weight));
        }
        else body = null;
        if (_holders.Any(h => h.UserId == userId && h.Role == role && h.Body == body))
            throw CouncilRefusals.HoldsRole.With(displayName).Invalid(nameof(role));
        return Raise(new RoleGranted(userId, displayName, role, body, role == CouncilRole.Member ? weight : 1m, Reason(reason)));
    }

    public IReadOnlyList<CouncilEvent> RevokeRole(Actor by, string userId, CouncilRole role, string? body, string reason)
    {
        RequireClerk(by, CouncilRefusals.ToRevokeRoles);
        if (!Enum.IsDefined(role)) throw CouncilRefusals.NoSuchRole.Invalid(nameof(role));
        if (!_holders.Any(h => h.UserId == userId && h.Role == role && h.Body == (role == CouncilRole.Member ? body : null)))
            throw CouncilRefusals.NobodyHoldsRole.Invalid(nameof(role));
        return Raise(new RoleRevoked(userId, role, role == CouncilRole.Member ? body : null, Reason(reason)));
    }

    public IReadOnlyList<CouncilEvent> IssueInvitation(Actor by, string codeHash, string household, string grid)
    {
        RequireClerk(by, CouncilRefusals.ToIssueInvitations);
        Require(codeHash, "code");
        household = TextRules.Required(household, TextKind.Name, "household");
        grid = TextRules.Required(grid, TextKind.Name, "grid");
        if (_invitations.ContainsKey(codeHash)) throw CouncilRefusals.CodeIssued.Invalid(nameof(codeHash));
        return Raise(new InvitationIssued(codeHash, household, grid));
    }

    /// <summary>A code works once. The same words answer an unknown code and a used one, so guessing learns nothing.</summary>
    public IReadOnlyList<CouncilEvent> RedeemInvitation(string codeHash, string userId, string displayName)
    {
        Require(userId, "user");
        if (!_invitations.TryGetValue(codeHash, out var invitation) || invitation.RedeemedBy is not null || invitation.Revoked)
            throw CouncilRefusals.CodeNotValid.Invalid("code");
        var events = new List<CouncilEvent> { new InvitationRedeemed(codeHash, userId, displayName) };
        if (!Holds(userId, CouncilRole.Resident))
            events.Add(new RoleGranted(userId, displayName, CouncilRole.Resident, null, 1m, $"household {invitation.Household}, grid {invitation.Grid}"));
        return Raise([.. events]);
    }

    /// <summary>
    /// A clerk resets only the password of a resident who joined this council with a household code and holds nothing
    /// else anywhere: a role the clerk granted gives no power over the account, and no role here gives power over an
    /// account that matters beyond this council. Everyone else asks a site administrator.
    /// </summary>
    public IReadOnlyList<CouncilEvent> RecordPasswordReset(Actor by, string userId, string reason, ResetStanding standing)
    {
        RequireClerk(by, CouncilRefusals.ToResetPasswords);
        if (_holders.All(h => h.UserId != userId)) throw CouncilRefusals.NoRoleHere.Invalid(nameof(userId));
        if (!standing.ByAdministrator)
        {
            if (standing.TargetMattersElsewhere || _holders.Any(h => h.UserId == userId && h.Role != CouncilRole.Resident))
                throw new NotPermitted(CouncilRefusals.ResetStaff);
            if (HouseholdOf(userId) is null)
                throw new NotPermitted(CouncilRefusals.ResetResidents);
        }
        return Raise(new PasswordResetRecorded(userId, Reason(reason)));
    }

    public Actor ActorFor(string userId) =>
        new(userId, _holders.Where(h => h.UserId == userId).Select(h => new RoleGrant(h.Role, h.Body, h.Weight)).ToList());

    public IReadOnlyList<RoleHolder> RollOf(string bodyId) =>
        _holders.Where(h => h.Role == CouncilRole.Member && h.Body == bodyId).ToList();

    public string? HouseholdOf(string userId) =>
        _invitations.Values.FirstOrDefault(i => i.RedeemedBy == userId)?.Household;

    /// <summary>Who joined with a household code, and which household (grid/household: household numbers repeat across grids).</summary>
    public IReadOnlyDictionary<string, string> Households => _households;

    public void Apply(CouncilEvent e)
    {
        switch (e)
        {
            case CouncilFounded f:
                (Id, Name, Place, DefaultTemplateId, NoticeDays) = (f.CouncilId, f.Name, f.Place, f.DefaultTemplateId, f.NoticeDays);
                break;
            case BodyEstablished b: _bodies.Add(new Body(b.BodyId, b.Name, b.DecisionRuleId, b.Practice ?? BallotPractice.Default)); break;
            case RoleGranted g: _holders.Add(new RoleHolder(g.UserId, g.DisplayName, g.Role, g.Body, g.Weight)); break;
            case RoleRevoked r: _holders.RemoveAll(h => h.UserId == r.UserId && h.Role == r.Role && h.Body == r.Body); break;
            case InvitationIssued i: _invitations[i.CodeHash] = new Invitation(i.Household, i.Grid, null, i.BatchId, i.No); break;
            case InvitationRedeemed r:
                var redeemed = _invitations[r.CodeHash] = _invitations[r.CodeHash] with { RedeemedBy = r.UserId, RedeemedName = r.DisplayName };
                _households.TryAdd(r.UserId, $"{redeemed.Grid}/{redeemed.Household}");
                break;
            case InvitationBatchIssued b: _batches.Add(new InvitationBatch(b.BatchId, b.Grid, b.Count, b.Note)); break;
            case InvitationRevoked r: _invitations[r.CodeHash] = _invitations[r.CodeHash] with { Revoked = true }; break;
            case PasswordResetRecorded: break;
            case MeetingPracticeSet m: ApplyMeetingPractice(m); break;
            default: ApplyServices(e); break;
        }
    }

    private bool Holds(string userId, CouncilRole role) => _holders.Any(h => h.UserId == userId && h.Role == role);

    private IReadOnlyList<CouncilEvent> Raise(params CouncilEvent[] events)
    {
        foreach (var e in events) Apply(e);
        return events;
    }

    private static void RequireClerk(Actor by, RefusalText attempted)
    {
        if (!by.Holds(CouncilRole.Clerk)) throw NotPermitted.Requires(attempted, CouncilRole.Clerk);
    }

    private static void Require(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) throw CouncilRefusals.Required.With(what).Invalid(what);
    }

    private static string Reason(string? reason) => TextRules.Optional(reason, TextKind.Note, "reason") ?? "—";

    private static LocalizedText Named(LocalizedText name, string what) =>
        new(TextRules.Required(name.Zh, TextKind.Name, $"{what} (Chinese)"), TextRules.Check(name.En, TextKind.Name, $"{what} (English)"));

    private sealed record Invitation(string Household, string Grid, string? RedeemedBy, string? BatchId = null, int? No = null,
        string? RedeemedName = null, bool Revoked = false);
}
