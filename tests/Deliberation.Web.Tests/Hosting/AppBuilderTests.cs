using Deliberation.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// The settings files are read at start and not watched: the watch covers the whole content root, where the SQLite
/// file lies by default, and every commit woke it.
/// </summary>
public sealed class AppBuilderTests
{
    [Fact]
    public async Task TheRunningAppReadsItsSettingsFilesWithoutWatchingThem()
    {
        await using var app = new CouncilApp(seedDemo: false);
        _ = app.Server;

        var files = SettingsFiles(app.Services.GetRequiredService<IConfiguration>());

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched"));
    }

    [Fact]
    public void AnOperatorsCommandLineMayTurnTheWatchBackOn()
    {
        var builder = AppBuilder.Create(["--hostBuilder:reloadConfigOnChange=true"]);

        var files = SettingsFiles(builder.Configuration);

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.True(f.Source.ReloadOnChange));
    }

    private static List<FileConfigurationProvider> SettingsFiles(IConfiguration configuration) =>
        ((IConfigurationRoot)configuration).Providers.OfType<FileConfigurationProvider>().ToList();
}
