namespace Deliberation.Runtime.Grains;

/// <summary>A grain interface: every method returns Task or Task&lt;T&gt;. Shaped like Orleans' so its host can replace ours.</summary>
public interface IGrain;

/// <summary>A grain addressed by a string key (an item id, a council id).</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>Where callers get grains from; the only thing they depend on.</summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;
}

/// <summary>The host's own controls, for shutdown and tests.</summary>
public interface IGrainHost
{
    /// <summary>Deactivates every activation (each after its current call); the next call activates afresh from storage.</summary>
    Task DeactivateAllAsync();

    /// <summary>Deactivates the activations idle longer than the configured timeout; returns how many.</summary>
    Task<int> CollectIdleAsync();

    int ActivationCount { get; }
}

public sealed class GrainHostOptions
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);
}
