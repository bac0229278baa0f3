using Deliberation.Web.Hosting;
using Deliberation.Web.ReadSide;

if (args is [RebuildCommand.Verb, ..]) return await RebuildCommand.RunAsync(args);

var builder = AppBuilder.Create(args);
builder.AddDeliberation();

var app = builder.Build();
app.UseDeliberation();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
        app.Logger.LogInformation("Deliberation is open at {Address}", address);
});
await app.RunAsync();
return 0;

/// <summary>The entry point; public so tests can host the real app.</summary>
public partial class Program;
