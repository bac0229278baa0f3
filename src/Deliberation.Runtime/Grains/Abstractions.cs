namespace Deliberation.Runtime.Grains;

/// <summary>Marker for grain interfaces. Every method of a grain interface returns Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
public interface IGrain;

/// <summary>A grain identified by a string key.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>Hands out references to grains; a call on a reference runs on the grain's one activation, one call at a time.</summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;
}

/// <summary>The in-process grain host.</summary>
public interface IGrainHost
{
    /// <summary>How many activations are alive now.</summary>
    int ActivationCount { get; }

    /// <summary>Runs one idle-collection pass now: deactivates activations unused for <see cref="GrainHostOptions.IdleTimeout"/>.
    /// Returns how many it deactivated.</summary>
    Task<int> CollectIdleAsync(CancellationToken ct = default);

    /// <summary>Deactivates every activation (after the calls already queued on it). Later calls create fresh activations.</summary>
    Task DeactivateAllAsync(CancellationToken ct = default);
}

public sealed class GrainHostOptions
{
    /// <summary>An activation unused for this long is deactivated. Default 10 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the idle collector scans. Default 1 minute.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Base class of grain implementations.</summary>
public abstract class Grain
{
    private string? _key;
    private IGrainFactory? _factory;

    /// <summary>The key this activation serves.</summary>
    protected string GrainKey => _key ?? throw new InvalidOperationException("The grain is not activated yet.");

    /// <summary>For calling other grains.</summary>
    protected IGrainFactory GrainFactory => _factory ?? throw new InvalidOperationException("The grain is not activated yet.");

    /// <summary>Runs before the first call of an activation. If it throws, the caller gets the exception and the
    /// activation is discarded (the next call tries again).</summary>
    public virtual Task OnActivateAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Runs when the activation is collected or the host stops.</summary>
    public virtual Task OnDeactivateAsync(CancellationToken ct) => Task.CompletedTask;

    internal void Bind(string key, IGrainFactory factory)
    {
        _key = key;
        _factory = factory;
    }
}
