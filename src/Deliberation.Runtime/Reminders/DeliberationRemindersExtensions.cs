using Deliberation.Runtime.EventLog;
using Deliberation.Runtime.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Orleans.Hosting;

public static class DeliberationRemindersExtensions
{
    /// <summary>
    /// Orleans' reminder service with its table in our database (the <c>reminders</c> table beside the event log).
    /// The storage is read when the silo's services are built, so a test host's settings apply.
    /// </summary>
    public static ISiloBuilder UseDeliberationReminders(this ISiloBuilder builder, Func<IServiceProvider, EventLogOptions> storage)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(storage);
        builder.AddReminders();
        builder.ConfigureServices(services => services.AddSingleton<IReminderTable>(sp =>
            new SqlReminderTable(storage(sp), sp.GetRequiredService<IOptions<ClusterOptions>>())));
        return builder;
    }

    /// <inheritdoc cref="UseDeliberationReminders(ISiloBuilder, Func{IServiceProvider, EventLogOptions})"/>
    public static ISiloBuilder UseDeliberationReminders(this ISiloBuilder builder, EventLogOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var copy = new EventLogOptions { Provider = storage.Provider, ConnectionString = storage.ConnectionString };
        return builder.UseDeliberationReminders(_ => copy);
    }
}
