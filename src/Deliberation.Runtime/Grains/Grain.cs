namespace Deliberation.Runtime.Grains;

/// <summary>The base of every grain: one activation per key, one call at a time.</summary>
public abstract class Grain
{
    private string? _key;
    private IGrainFactory? _factory;

    protected string GrainKey => _key ?? throw new InvalidOperationException("The grain has not been activated.");

    protected IGrainFactory GrainFactory => _factory ?? throw new InvalidOperationException("The grain has not been activated.");

    public virtual Task OnActivateAsync(CancellationToken ct) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Runs in the activation's turn before each call; lets a grain that failed to save catch up first.
    /// <paramref name="arrivedAt"/> is when the call was made (<see cref="System.Diagnostics.Stopwatch"/> ticks), before
    /// it waited for the turn.
    /// </summary>
    protected internal virtual Task BeforeCallAsync(long arrivedAt) => Task.CompletedTask;

    /// <summary>Runs in the turn before a <see cref="PipelinedAttribute"/> call; by default as before any call.</summary>
    protected internal virtual Task BeforePipelinedCallAsync() => BeforeCallAsync(System.Diagnostics.Stopwatch.GetTimestamp());

    internal void Initialize(string key, IGrainFactory factory)
    {
        _key = key;
        _factory = factory;
    }
}
