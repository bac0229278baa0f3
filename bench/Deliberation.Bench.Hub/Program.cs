namespace Deliberation.Bench.Hub;

/// <summary>
/// Usage: Deliberation.Bench.Hub serve &lt;folder&gt; &lt;sqlite|postgres&gt; &lt;connection string&gt; [voters=5000]
///    or: Deliberation.Bench.Hub storm &lt;folder&gt; [watchers=1000]
/// bench/hub-storm.sh runs both.
/// </summary>
public static class Program
{
    public static Task Main(string[] args) => args.ElementAtOrDefault(0) switch
    {
        "serve" => Server.RunAsync(args[1], args[2], args[3], int.TryParse(args.ElementAtOrDefault(4), out var voters) ? voters : 5000),
        "storm" => Storm.RunAsync(args[1], int.TryParse(args.ElementAtOrDefault(2), out var watchers) ? watchers : 1000),
        _ => throw new ArgumentException("serve <folder> <provider> <connection> [voters] | storm <folder> [watchers]"),
    };
}
