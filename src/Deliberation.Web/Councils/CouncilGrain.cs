using Deliberation.Web.Errors;
using Deliberation.Domain.Ballots;
using Deliberation.Web.Grains;
using Deliberation.Domain;
using Deliberation.Domain.Councils;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.Councils;

public sealed partial class CouncilGrain(TimeProvider clock, IChangeNotices notices) : AggregateGrain<Council, CouncilEvent>(Category), ICouncilGrain
{
    public const string Category = "council";

    protected override Council Fold(Council? council, CouncilEvent e)
    {
        council ??= Council.Replay([]);
        council.Apply(e);
        return council;
    }

    protected override string ScopeOf(Council council) => council.Id;

    protected override object SummaryOf(Council council, DateTimeOffset at) => ToView(council);

    public Task<CouncilView?> GetAsync() => Task.FromResult(Current is { } council ? ToView(council) : null);

    public Task<Actor> GetActorAsync(string userId) =>
        Task.FromResult(Current?.ActorFor(userId) ?? Actor.Nobody(userId));

    public async Task<CouncilView> FoundAsync(FoundCouncil request, string byUserId)
    {
        if (Current is not null) throw new ArgumentException($"A council with id '{Key}' already exists.", nameof(request));
        if (request.Id != Key) throw new ArgumentException("The council id does not match.", nameof(request));
        var (council, events) = Council.Found(request.Id, new LocalizedText(request.NameZh, request.NameEn), request.Place,
            request.DefaultTemplateId, request.NoticeDays);
        try
        {
            await CommitNewAsync(council, events, byUserId, clock.GetUtcNow());
        }
        finally
        {
            await notices.TellEveryNodeAsync(new ChangeNotice(ChangeNotice.Council, Key));
        }
        return ToView(council);
    }

    public Task<CouncilView> EstablishBodyAsync(EstablishBody request, Actor by) => ChangeAsync(by,
        council => council.EstablishBody(by, request.BodyId, new LocalizedText(request.NameZh, request.NameEn), request.DecisionRuleId,
            new BallotPractice(request.VotesMayChange ?? false, request.ProxiesCountTowardQuorum ?? true)),
        ToView);

    public Task<IReadOnlyList<RoleHolderView>> GetRoleHoldersAsync() =>
        Task.FromResult<IReadOnlyList<RoleHolderView>>(Existing().RoleHolders.Select(ToView).ToList());

    public Task<IReadOnlyDictionary<string, string>> GetHouseholdsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(Existing().Households.ToDictionary(StringComparer.Ordinal));

    public Task GrantRoleAsync(GrantRole request, Actor by) => ChangeAsync(by,
        council => council.GrantRole(by, request.UserId, request.DisplayName, request.Role, request.Body, request.Weight ?? 1m, request.Reason),
        _ => true);

    public Task RevokeRoleAsync(RevokeRole request, Actor by) => ChangeAsync(by,
        council => council.RevokeRole(by, request.UserId, request.Role, request.Body, request.Reason),
        _ => true);

    public async Task<IssuedInvitation> IssueInvitationAsync(IssueInvitation request, Actor by)
    {
        var requestId = RequestIds.Checked(request.RequestId);
        var code = InvitationCode.For(Key, by.UserId, requestId);
        // A resend of an invitation already recorded answers its code again (the same request id gives the same code).
        if (Answered(by.UserId, requestId)) return new IssuedInvitation(code, request.Household, request.Grid);
        var council = Existing();
        await CommitAsync(council.IssueInvitation(by, InvitationCode.Hash(Key, code), request.Household, request.Grid),
            by.UserId, clock.GetUtcNow(), requestId);
        return new IssuedInvitation(code, request.Household, request.Grid);
    }

    public async Task<RoleHolderView> RedeemInvitationAsync(string code, string userId, string displayName)
    {
        var council = await ChangeAsync(userId,
            council => council.RedeemInvitation(InvitationCode.Hash(Key, code), userId, displayName), council => council);
        return ToView(council.RoleHolders.First(h => h.UserId == userId && h.Role == CouncilRole.Resident));
    }

    public Task RecordPasswordResetAsync(string userId, string reason, Actor by, ResetStanding standing) =>
        ChangeAsync(by, council => council.RecordPasswordReset(by, userId, reason, standing), _ => true);

    private Task<T> ChangeAsync<T>(Actor by, Func<Council, IReadOnlyList<CouncilEvent>> command, Func<Council, T> result) =>
        ChangeAsync(by.UserId, command, result);

    private async Task<T> ChangeAsync<T>(string actor, Func<Council, IReadOnlyList<CouncilEvent>> command, Func<Council, T> result,
        string? requestId = null)
    {
        var council = Existing();
        try
        {
            await CommitAsync(command(council), actor, clock.GetUtcNow(), requestId);
        }
        finally
        {
            // Also when the write failed or its outcome is unknown: it may have landed, and forgetting costs one read.
            await notices.TellEveryNodeAsync(new ChangeNotice(ChangeNotice.Council, Key));
        }
        return result(council);
    }

    private Council Existing() => Current ?? throw new NotFound(WebRefusals.NoCouncil.With(Key));

    private static CouncilView ToView(Council council) => new(council.Id, council.Name.Zh, council.Name.En, council.Place,
        council.DefaultTemplateId, council.NoticeDays,
        council.Bodies.Select(b => new BodyView(b.Id, b.Name.Zh, b.Name.En, b.DecisionRuleId, council.RollOf(b.Id).Count,
            b.Practice.VotesMayChange, b.Practice.ProxiesCountTowardQuorum)).ToList())
    {
        TimeZoneId = council.TimeZoneId,
        SpeakingMinutes = council.SpeakingMinutes,
    };

    public Task<CouncilView> SetMeetingPracticeAsync(SetMeetingPractice request, Actor by) => ChangeAsync(by,
        council => council.SetMeetingPractice(by, request.TimeZoneId ?? council.TimeZoneId, request.SpeakingMinutes ?? council.SpeakingMinutes, request.Reason),
        ToView);

    private static RoleHolderView ToView(RoleHolder holder) =>
        new(holder.UserId, holder.DisplayName, holder.Role, holder.Body, holder.Weight);
}
