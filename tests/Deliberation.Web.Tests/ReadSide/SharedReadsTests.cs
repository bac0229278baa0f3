using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Tests.ReadSide;

/// <summary>The cached pages' key queries, shared among concurrent requests without ever being older than a request.</summary>
public sealed class SharedReadsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A read that waits until the test lets it finish, and answers with its own number.</summary>
    private sealed class GatedRead
    {
        private readonly List<TaskCompletionSource> _gates = [];
        private readonly SemaphoreSlim _started = new(0);

        public int Count { get { lock (_gates) return _gates.Count; } }

        public async Task<int> ReadAsync()
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            int number;
            lock (_gates) { _gates.Add(gate); number = _gates.Count; }
            _started.Release();
            await gate.Task;
            return number;
        }

        public async Task WaitStartedAsync() => Assert.True(await _started.WaitAsync(Patience), "no read started");

        public void Finish(int number) { lock (_gates) _gates[number - 1].SetResult(); }
    }

    [Fact]
    public async Task RequestsArrivingDuringAReadShareTheNextReadNotTheOneUnderWay()
    {
        var shared = new SharedReads<int>();
        var read = new GatedRead();

        var first = shared.ReadAsync("item", read.ReadAsync, CancellationToken.None);
        await read.WaitStartedAsync();
        var second = shared.ReadAsync("item", read.ReadAsync, CancellationToken.None);
        var third = shared.ReadAsync("item", read.ReadAsync, CancellationToken.None);
        read.Finish(1);
        await read.WaitStartedAsync();
        read.Finish(2);

        Assert.Equal(1, await first.WaitAsync(Patience));
        Assert.Equal(2, await second.WaitAsync(Patience));
        Assert.Equal(2, await third.WaitAsync(Patience));
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public async Task AFailedReadFailsItsRequestsAndTheNextRequestReadsAgain()
    {
        var shared = new SharedReads<int>();
        var calls = 0;

        var failed = shared.ReadAsync("log", () => ++calls == 1 ? throw new InvalidOperationException("db down") : Task.FromResult(calls), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed.WaitAsync(Patience));
        var next = await shared.ReadAsync("log", () => Task.FromResult(++calls), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(2, next);
    }
}
