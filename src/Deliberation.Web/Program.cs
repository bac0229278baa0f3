using Deliberation.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDeliberation();

var app = builder.Build();
app.UseDeliberation();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
        app.Logger.LogInformation("Deliberation is open at {Address}", address);
});
app.Run();

/// <summary>The entry point; public so tests can host the real app.</summary>
public partial class Program;
