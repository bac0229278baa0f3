using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Deliberation.Runtime.Grains;

/// <summary>
/// Hosts grains in this process: one activation per (interface, key), calls taken one at a time in arrival order,
/// activations dropped when idle. State lives in storage, so dropping an activation loses nothing.
/// </summary>
public sealed class InProcessGrainHost(
    IServiceProvider services, GrainRegistry registry, IOptions<GrainHostOptions> options, TimeProvider clock,
    ILogger<InProcessGrainHost> logger) : IGrainFactory, IGrainHost
{
    private readonly ConcurrentDictionary<(Type Interface, string Key), GrainActivation> _activations = new();
    private readonly ConcurrentDictionary<(Type Interface, string Key), object> _proxies = new();

    public int ActivationCount => _activations.Count;

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return (TGrain)_proxies.GetOrAdd((typeof(TGrain), key), address =>
        {
            var proxy = DispatchProxy.Create<TGrain, GrainProxy>();
            ((GrainProxy)(object)proxy!).Bind(this, address.Interface, address.Key);
            return proxy;
        });
    }

    internal async Task<T> CallAsync<T>(Type grainInterface, string key, Func<Grain, Task<T>> call)
    {
        var arrivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var activation = await EnterTurnAsync(grainInterface, key).ConfigureAwait(false);
        try
        {
            await activation.Instance.BeforeCallAsync(arrivedAt).ConfigureAwait(false);
            return await call(activation.Instance).ConfigureAwait(false);
        }
        finally
        {
            activation.Turn.Release();
        }
    }

    /// <summary>
    /// A <see cref="PipelinedAttribute"/> call: the method starts in the turn (its state change and append made there, in
    /// arrival order) and is awaited once the turn is released, so the next call need not wait for this one's flush.
    /// </summary>
    internal async Task<T> CallPipelinedAsync<T>(Type grainInterface, string key, Func<Grain, Task> start)
    {
        Task started;
        var activation = await EnterTurnAsync(grainInterface, key).ConfigureAwait(false);
        try
        {
            await activation.Instance.BeforePipelinedCallAsync().ConfigureAwait(false);
            started = start(activation.Instance);
        }
        finally
        {
            activation.Turn.Release();
        }
        await started.ConfigureAwait(false);
        return started is Task<T> typed ? typed.Result : default!;
    }

    /// <summary>Waits for the key's activation's turn (activating it if need be) and returns it holding the turn.</summary>
    private async Task<GrainActivation> EnterTurnAsync(Type grainInterface, string key)
    {
        while (true)
        {
            var activation = _activations.GetOrAdd((grainInterface, key), address => new GrainActivation(Create(address)));
            await activation.Turn.WaitAsync().ConfigureAwait(false);
            try
            {
                // Dropped while we waited for the turn: go round and find (or make) the fresh activation.
                if (activation.Deactivated)
                {
                    activation.Turn.Release();
                    continue;
                }
                if (!activation.Activated) await ActivateAsync(grainInterface, key, activation).ConfigureAwait(false);
                activation.LastUsed = clock.GetTimestamp();
                return activation;
            }
            catch
            {
                activation.Turn.Release();
                throw;
            }
        }
    }

    private Grain Create((Type Interface, string Key) address)
    {
        var grain = (Grain)ActivatorUtilities.CreateInstance(services, registry.ImplementationOf(address.Interface));
        grain.Initialize(address.Key, this);
        return grain;
    }

    private async Task ActivateAsync(Type grainInterface, string key, GrainActivation activation)
    {
        try
        {
            await activation.Instance.OnActivateAsync(CancellationToken.None).ConfigureAwait(false);
            activation.Activated = true;
        }
        catch
        {
            // Leave nothing broken behind: the next call starts from storage again.
            activation.Deactivated = true;
            _activations.TryRemove(new KeyValuePair<(Type, string), GrainActivation>((grainInterface, key), activation));
            throw;
        }
    }

    public async Task<int> CollectIdleAsync()
    {
        var idleSince = clock.GetTimestamp() - (long)(options.Value.IdleTimeout.TotalSeconds * clock.TimestampFrequency);
        var collected = 0;
        foreach (var (address, activation) in _activations)
        {
            // Busy activations are not idle; skip them rather than wait.
            if (activation.LastUsed > idleSince || !activation.Turn.Wait(0)) continue;
            try
            {
                if (activation.LastUsed > idleSince || activation.Deactivated) continue;
                await DeactivateAsync(address, activation).ConfigureAwait(false);
                collected++;
            }
            finally
            {
                activation.Turn.Release();
            }
        }
        return collected;
    }

    public async Task DeactivateAllAsync()
    {
        foreach (var (address, activation) in _activations)
        {
            await activation.Turn.WaitAsync().ConfigureAwait(false);
            try
            {
                if (!activation.Deactivated) await DeactivateAsync(address, activation).ConfigureAwait(false);
            }
            finally
            {
                activation.Turn.Release();
            }
        }
    }

    // Called holding the activation's turn.
    private async Task DeactivateAsync((Type Interface, string Key) address, GrainActivation activation)
    {
        activation.Deactivated = true;
        _activations.TryRemove(new KeyValuePair<(Type, string), GrainActivation>(address, activation));
        if (!activation.Activated) return;
        try
        {
            await activation.Instance.OnDeactivateAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "Grain {Grain}/{Key} failed while deactivating", address.Interface.Name, address.Key);
        }
    }
}
