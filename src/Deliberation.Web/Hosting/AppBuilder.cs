namespace Deliberation.Web.Hosting;

/// <summary>
/// The app's builder, as the program, the rebuild command and the benches make it. Its settings files are read once, at
/// start, and not watched: ASP.NET Core watches them with one file system watcher over the whole content root, and the
/// SQLite file (<c>data/</c> by default) lies under it, so every commit woke the watcher (a file object and its event
/// for each change of the database's files: about a tenth of what a vote in the hall allocated, docs/performance.md).
/// A setting changed in a file takes effect at the next start; an operator who wants them watched passes
/// <c>--hostBuilder:reloadConfigOnChange=true</c> (the command line's last word wins).
/// </summary>
public static class AppBuilder
{
    private const string SettingsFilesUnwatched = "--hostBuilder:reloadConfigOnChange=false";

    public static WebApplicationBuilder Create(string[] args) => WebApplication.CreateBuilder(Arguments(args));

    /// <summary>The command line with the app's own host settings first, so that the operator's may override them.</summary>
    public static string[] Arguments(IEnumerable<string> args) => [SettingsFilesUnwatched, .. args];
}
