using Deliberation.Web.Accounts;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;
using Deliberation.Web.DecisionRules;
using Deliberation.Web.Demo;
using Deliberation.Web.Escalations;
using Deliberation.Web.Following;
using Deliberation.Web.Grains;
using Deliberation.Web.Inbox;
using Deliberation.Web.Categories;
using Deliberation.Web.Meetings;
using Deliberation.Web.Minutes;
using Deliberation.Web.Photos;
using Deliberation.Web.Process;
using Deliberation.Web.Record;
using Deliberation.Web.PublicBoard;
using Deliberation.Web.Requests;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Web.Hosting;

/// <summary>The features' services and endpoints. Their grains need no registering: the silo finds them.</summary>
public static class Features
{
    /// <summary>What the features use besides grains: the meeting hub and its pushes, sign-in, and the demo seed.</summary>
    public static IServiceCollection AddFeatureServices(this IServiceCollection services, IConfiguration configuration)
    {
        // A push is sent where the grain lives; on several nodes, the backplane carries it to screens on the others.
        // HubAccess guards our hubs, logs what fails unexpectedly and throttles what is merely unreachable; the dispatcher
        // would log each failed invocation with its stack trace (thousands a second while a node is lost). Blazor's own
        // circuit hub speaks the framework's protocol, and a live screen's event handlers check access themselves
        // (LiveMeetingActions).
        services.Configure<LoggerFilterOptions>(options =>
            options.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical));
        services.AddSignalR()
            .AddHubOptions<MeetingHub>(options => options.AddFilter<HubAccess>())
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false)))
            .AddDeliberationBackplane(configuration);
        services.AddSingleton<MeetingPush>();
        services.AddSingleton<Deliberation.Runtime.SecretBallots.ISecretBallotVault>(sp =>
            new Deliberation.Runtime.SecretBallots.SqlSecretBallotVault(sp.GetRequiredService<StorageOptions>().ForEventLog()));
        services.AddSingleton<SecretBallotKeys>();
        services.AddHostedService<SecretBallotSweep>();
        services.AddSingleton<LiveMeetings>();
        services.AddScoped<LiveMeetingActions>();
        services.AddScoped<Councils.CouncilZones>();
        services.AddDueKind(AgendaItemGrain.Due);
        services.AddDueKind(Escalations.EscalationGrain.Due);
        services.AddDueKind(Requests.SmallRequestGrain.Due);
        services.AddScoped<SignInService>();
        services.AddSingleton<UnknownLoginHash>();
        services.AddScoped<DemoCouncil>();
        services.AddScoped<DemoItems>();
        services.AddScoped<DemoPastMeeting>();
        services.AddSingleton<Runtime.Photos.IPhotoStore>(sp => new Runtime.Photos.SqlPhotoStore(sp.GetRequiredService<StorageOptions>().ForEventLog()));
        services.AddSingleton<Photos.PhotoUploads>();
        return services;
    }

    public static IEndpointRouteBuilder MapDeliberationFeatures(this IEndpointRouteBuilder app)
    {
        app.MapAccounts();
        app.MapSignOutForm();
        app.MapExternalLogins();
        app.MapCouncils();
        app.MapPeopleForms();
        app.MapInvitationBatches();
        app.MapProcessTemplates();
        app.MapAgendaItems();
        app.MapItemForms();
        Comments.CommentEndpoints.MapComments(app);
        app.MapPhotos();
        app.MapFollowing();
        app.MapInbox();
        app.MapCategories();
        app.MapMeetings();
        app.MapBallots();
        app.MapMeetingForms();
        app.MapMeetingCalendar();
        app.MapMinutes();
        // Connecting is open to all (meetings are public); each hub method carries its own rule.
        app.MapHub<MeetingHub>("/hubs/meeting").Access(Audience.Public);
        app.MapDecisionRules();
        app.MapCouncilServices();
        app.MapEscalations();
        app.MapEscalationForms();
        app.MapSmallRequests();
        app.MapSmallRequestForms();
        app.MapPublicRecord();
        Ledger.LedgerEndpoints.MapLedger(app);
        Figures.FiguresEndpoints.MapFigures(app);
        app.MapPublicBoard();
        return app;
    }
}
