using Deliberation.Verifier;

// dotnet run --project tools/Deliberation.Verifier -- <site address> <council id> [--checkpoint <sequence>:<hash>]...
if (args.Length < 2 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: Deliberation.Verifier <site address> <council id> [--checkpoint <sequence>:<hash>]...");
    Console.Error.WriteLine("  e.g. dotnet run --project tools/Deliberation.Verifier -- http://localhost:5080 lakeside");
    return 2;
}

var kept = new List<(long, string)>();
for (var i = 2; i < args.Length; i++)
{
    if (args[i] != "--checkpoint" || i + 1 >= args.Length || args[i + 1].Split(':') is not [var number, var hash] || !long.TryParse(number, out var sequence))
    {
        Console.Error.WriteLine($"Not understood: {string.Join(' ', args[i..])} (expected --checkpoint <sequence>:<hash>).");
        return 2;
    }
    kept.Add((sequence, hash.ToLowerInvariant()));
    i++;
}

using var http = new HttpClient { BaseAddress = new Uri(args[0].TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
try
{
    var report = await new RecordVerifier(http).VerifyAsync(args[1], kept);
    Console.WriteLine(report);
    return report.IsIntact ? 0 : 1;
}
catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"Could not read the record of '{args[1]}' at {args[0]}: {e.Message}");
    return 2;
}
