using Deliberation.Runtime.EventLog;

namespace Deliberation.Runtime.Tests.EventLog;

/// <summary>Writers of one SQLite database take turns in the order they came; other databases do not wait for them.</summary>
public sealed class WriterTurnTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AWriterOfTheSameDatabaseWaitsForTheOneBeforeItAndOneOfAnotherDoesNot()
    {
        var database = $"Data Source={Guid.NewGuid():N}.db";
        var first = await WriterTurn.TakeAsync(database, CancellationToken.None);

        var second = WriterTurn.TakeAsync(database, CancellationToken.None);
        var elsewhere = await WriterTurn.TakeAsync($"Data Source={Guid.NewGuid():N}.db", CancellationToken.None).WaitAsync(Patience);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(Patience)).Dispose();
        elsewhere.Dispose();
    }

    [Fact]
    public async Task WritersGetTheirTurnsInTheOrderTheyCameAndADoubleDisposeLetsInOnlyOne()
    {
        var database = $"Data Source={Guid.NewGuid():N}.db";
        var first = await WriterTurn.TakeAsync(database, CancellationToken.None);
        var second = WriterTurn.TakeAsync(database, CancellationToken.None);
        var third = WriterTurn.TakeAsync(database, CancellationToken.None);

        first.Dispose();
        first.Dispose();
        await second.WaitAsync(Patience);

        Assert.False(third.IsCompleted);
        (await second).Dispose();
        (await third.WaitAsync(Patience)).Dispose();
    }
}
