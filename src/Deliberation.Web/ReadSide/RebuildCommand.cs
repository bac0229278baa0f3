using Deliberation.Runtime.Projections;
using Deliberation.Web.Hosting;

namespace Deliberation.Web.ReadSide;

/// <summary>
/// <c>dotnet run --project src/Deliberation.Web -- rebuild-projection &lt;name|all&gt;</c>: empties a projection and builds it
/// again from the first event, with the app's storage settings, then exits. On SQLite, stop the app first (one process
/// owns the file); on PostgreSQL the running nodes may stay up: a batch they apply meanwhile is rolled back.
/// </summary>
public static class RebuildCommand
{
    public const string Verb = "rebuild-projection";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = AppBuilder.Create(args.Skip(2).ToArray());
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (!storage.TryValidate(out var problem))
        {
            await Console.Error.WriteLineAsync(problem);
            return 2;
        }
        await using var runner = new ProjectionRunner(storage.ForEventLog(), ReadSideSetup.Projections());
        var names = args.Length > 1 && args[1] != "all" ? [args[1]] : runner.Names.ToArray();
        foreach (var name in names)
        {
            if (!runner.Names.Contains(name))
            {
                await Console.Error.WriteLineAsync($"There is no projection '{name}'; there are: {string.Join(", ", runner.Names)}, or 'all'.");
                return 2;
            }
            var position = await runner.RebuildAsync(name);
            Console.WriteLine($"{name}: rebuilt through position {position}");
        }
        return 0;
    }
}
