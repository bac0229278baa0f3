using Deliberation.Runtime.Grains;
using Deliberation.Web.Accounts;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Ballots;
using Deliberation.Web.Councils;
using Deliberation.Web.DecisionRules;
using Deliberation.Web.Demo;
using Deliberation.Web.Following;
using Deliberation.Web.Meetings;
using Deliberation.Web.Process;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Web.Hosting;

/// <summary>The features, each registering its grains and mapping its endpoints.</summary>
public static class Features
{
    public static IServiceCollection AddCouncilGrains(this IServiceCollection services)
    {
        services.AddGrain<ICouncilGrain, CouncilGrain>();
        services.AddGrain<IProcessTemplateGrain, ProcessTemplateGrain>();
        services.AddGrain<IAgendaItemGrain, AgendaItemGrain>();
        services.AddGrain<IMeetingGrain, MeetingGrain>();
        services.AddGrain<IFollowingGrain, FollowingGrain>();
        services.AddGrain<IBallotGrain, BallotGrain>();
        services.AddSignalR(options => options.AddFilter<HubAccess>())
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false)));
        services.AddSingleton<MeetingPush>();
        services.AddScoped<SignInService>();
        services.AddScoped<DemoCouncil>();
        services.AddScoped<DemoItems>();
        return services;
    }

    public static IEndpointRouteBuilder MapDeliberationFeatures(this IEndpointRouteBuilder app)
    {
        app.MapAccounts();
        app.MapSignOutForm();
        app.MapExternalLogins();
        app.MapCouncils();
        app.MapPeopleForms();
        app.MapProcessTemplates();
        app.MapAgendaItems();
        app.MapItemForms();
        app.MapFollowing();
        app.MapMeetings();
        app.MapBallots();
        app.MapMeetingForms();
        // Connecting is open to all (meetings are public); each hub method carries its own rule.
        app.MapHub<MeetingHub>("/hubs/meeting").Access(Audience.Public);
        app.MapDecisionRules();
        return app;
    }
}
