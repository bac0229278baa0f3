using Deliberation.Web.Accounts;
using System.Globalization;
using Bunit;
using Deliberation.Web.Meetings;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>
/// A live screen rendered by bUnit on the real app's services (grains, event log, this node's live meetings) as an
/// interactive circuit would run it, for one viewer; others act on the meeting through their own
/// <see cref="LiveMeetingActions"/>, and the screen must follow through its pushes.
/// </summary>
public abstract class LiveScreenContext : IAsyncLifetime
{
    public const string MeetingId = "meeting-demo-next";
    protected const string CouncilId = "lakeside";

    protected CouncilApp App { get; } = new();
    protected BunitContext Screen { get; } = new();
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public virtual Task InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        return Task.CompletedTask;
    }

    /// <summary>Renders the screen as <paramref name="login"/> sees it (null: signed out).</summary>
    protected async Task<IRenderedComponent<TScreen>> RenderAsync<TScreen>(string? login) where TScreen : LiveMeetingScreen
    {
        var authentication = await CircuitUsers.AuthenticationAsync(App, login);
        Screen.Services.AddSingleton(authentication);
        Screen.Services.AddSingleton(new LiveMeetingActions(App.Services.GetRequiredService<Orleans.IGrainFactory>(), App.Services.GetRequiredService<CouncilActorCache>(), authentication));
        Screen.Services.AddFallbackServiceProvider(App.Services);
        Screen.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var screen = Screen.Render<TScreen>(p => p.Add(s => s.CouncilId, CouncilId).Add(s => s.MeetingId, MeetingId));
        screen.WaitForElement("[data-live-ready]", Patience);
        return screen;
    }

    /// <summary>Someone else, acting from their own screen.</summary>
    protected async Task<LiveMeetingActions> AsAsync(string login) =>
        new(App.Services.GetRequiredService<Orleans.IGrainFactory>(), App.Services.GetRequiredService<CouncilActorCache>(), await CircuitUsers.AuthenticationAsync(App, login));

    protected async Task<string> FirstItemAsync() =>
        (await App.Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<IMeetingGrain>(MeetingId).GetAsync(CouncilId))!.Agenda[0];

    protected async Task<string> LatestBallotAsync() =>
        (await App.Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<IMeetingGrain>(MeetingId).GetAsync(CouncilId))!.Ballots[^1];

    /// <summary>The chair opens the meeting, marks everyone present, takes up the first item and opens a ballot on it.</summary>
    protected async Task<LiveMeetingActions> BallotOpenAsync()
    {
        var chair = await AsAsync("chair");
        await chair.OpenMeetingAsync(CouncilId, MeetingId);
        await chair.MarkAllPresentAsync(CouncilId, MeetingId);
        await chair.TakeUpAsync(CouncilId, MeetingId, await FirstItemAsync());
        await chair.OpenBallotAsync(CouncilId, MeetingId);
        return chair;
    }

    public async Task DisposeAsync()
    {
        await Screen.DisposeAsync();
        App.Dispose();
    }
}
