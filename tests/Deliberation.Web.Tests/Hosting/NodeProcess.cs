using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>
/// An app node as production runs it: <c>dotnet Deliberation.Web.dll</c> in a process of its own, configured by its
/// environment, so that the test can kill it with SIGKILL (no graceful stop, no disposal) as a crash or an OOM kill would.
/// </summary>
public sealed partial class NodeProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly TaskCompletionSource<Uri> _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _log = [];

    private NodeProcess(System.Diagnostics.Process process) => _process = process;

    public Uri Address => _open.Task.IsCompletedSuccessfully ? _open.Task.Result : throw new InvalidOperationException("The node is not open.");

    /// <summary>What the node wrote to its console, for a failed test's message.</summary>
    public IReadOnlyList<string> Log { get { lock (_log) return [.. _log]; } }

    /// <summary>Starts the built app (the same build configuration as the tests) and waits until it says it is open.</summary>
    public static async Task<NodeProcess> StartAsync(IDictionary<string, string?> settings, TimeSpan timeout)
    {
        var repository = Repository();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<configuration>/net10.0/
        var web = Path.Combine(repository, "src", "Deliberation.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "Deliberation.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"The app is not built at {dll}.");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        var node = new NodeProcess(System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
        node._process.OutputDataReceived += (_, line) => node.Heard(line.Data);
        node._process.ErrorDataReceived += (_, line) => node.Heard(line.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        node._process.EnableRaisingEvents = true;
        // A test run stopped midway must not leave the node running (a SIGKILL of the test host still would).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => node.KillIfRunning();
        node._process.Exited += (_, _) => node._open.TrySetException(new InvalidOperationException(
            $"The node exited ({node._process.ExitCode}) before it was open:\n{string.Join('\n', node.Log.TakeLast(40))}"));
        try
        {
            await node._open.Task.WaitAsync(timeout);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    /// <summary>SIGKILL: the process ends at once, its sockets closed by the kernel, nothing flushed, nothing said.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    private void KillIfRunning()
    {
        try { if (!_process.HasExited) _process.Kill(); }
        catch (InvalidOperationException) { } // already gone or disposed
    }

    private void Heard(string? line)
    {
        if (line is null) return;
        lock (_log) _log.Add(line);
        if (OpenAt().Match(line) is { Success: true } open) _open.TrySetResult(new Uri(open.Groups[1].Value));
    }

    private static string Repository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Deliberation.sln"))) return folder.FullName;
        throw new InvalidOperationException("The repository (Deliberation.sln) is not above the test binaries.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Deliberation is open at (http://\S+)")]
    private static partial Regex OpenAt();
}
