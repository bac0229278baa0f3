using System.Reflection;
using Deliberation.Domain;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Meetings;
using Deliberation.Runtime.EventLog;
using Orleans;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Deliberation.Web.Localization;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Web.Accounts;

/// <summary>
/// The access gate for hub methods: each carries an <see cref="AccessAttribute"/>, read and enforced before it runs,
/// with the council taken from its <c>councilId</c> argument. A method without a rule is refused (fail closed).
/// Refusals (<see cref="Refusals"/>) reach the caller as a <see cref="HubException"/> whose message says why, after
/// a stable code when the client must act on it ("outcome-unknown: ..." means resend with the same client vote id).
/// </summary>
public sealed partial class HubAccess(CouncilActorCache actors, UnavailableWarnings warnings, ILogger<HubAccess> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await GatedAsync(invocation, next);
        }
        catch (Exception e) when (e is not HubException && Unavailable.Is(e))
        {
            // A lost node or a slow database: the phone resends with the same client vote id (stable code, see Unavailable).
            warnings.Saw(e);
            throw Unavailable.ForHub();
        }
        catch (Exception e) when (e is not HubException)
        {
            // The hub's own log of failed invocations is quiet (Silo.cs), so that a lost node is one warning, not one
            // stack trace per phone: what is not expected is logged here instead.
            LogFailed(logger, invocation.HubMethodName, e);
            throw;
        }
    }

    private async ValueTask<object?> GatedAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var (access, councilArgument) = Rules.GetOrAdd(invocation.HubMethod, RuleOf);
        if (access is null) throw Refused("This hub method has no access rule, so nobody may use it.");
        // One invocation at a time per connection (the hub's default), so the connection's items serve as this call's.
        try
        {
            invocation.Context.Items[typeof(Actor)] = await AccessCheck.ActorAsync(access, invocation.Context.User, CouncilOf(invocation, councilArgument), actors);
        }
        catch (AccessRefused refused)
        {
            invocation.Context.Items[typeof(Actor)] = null;
            throw new HubException(InTheirLanguage(invocation, refused) ?? refused.Message);
        }

        try
        {
            return await next(invocation);
        }
        catch (Exception e) when (Refusals.Find(e) is { } refusal)
        {
            throw new HubException(refusal.HubMessage(e, InTheirLanguage(invocation, e)));
        }
    }

    /// <summary>The caller's roles in the council the current invocation names; null when signed out.</summary>
    public static Actor? ActorOf(HubCallerContext context) => context.Items[typeof(Actor)] as Actor;

    // Read once per hub method, not per call: reflection allocates on every read, and a hall calls these thousands of times a second.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MethodInfo, (AccessAttribute? Access, int CouncilArgument)> Rules = new();

    private static (AccessAttribute?, int) RuleOf(MethodInfo method) =>
        (method.GetCustomAttribute<AccessAttribute>(), Array.FindIndex(method.GetParameters(), p => p.Name == "councilId"));

    private static string? CouncilOf(HubInvocationContext invocation, int index) =>
        index >= 0 && invocation.HubMethodArguments[index] is string id && Identifiers.IsValid(id) ? id : null;

    /// <summary>The refusal in the language the connection asked for (its language cookie or Accept-Language), or
    /// null for English or none: then the exception's message, as a program expects it.</summary>
    private static string? InTheirLanguage(HubInvocationContext invocation, Exception refused) =>
        invocation.Context.GetHttpContext() is { } http && Errors.ProblemLanguage.Chosen(http) is { } culture && !Languages.IsEnglish(culture)
            ? Errors.RefusalWords.Say(invocation.ServiceProvider.GetRequiredService<UiText>(), refused, culture) : null;

    private static HubException Refused(string detail) => new($"{AccessGate.RefusalTitle}: {detail}");

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
