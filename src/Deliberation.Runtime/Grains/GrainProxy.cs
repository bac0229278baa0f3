using System.Collections.Concurrent;
using System.Reflection;

namespace Deliberation.Runtime.Grains;

/// <summary>
/// Stands in for a grain interface: every call is queued on the key's activation instead of running on the caller's
/// thread. The per-method dispatcher is built once and cached.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private delegate object Dispatcher(GrainProxy proxy, MethodInfo method, object?[]? args);

    private static readonly ConcurrentDictionary<MethodInfo, Dispatcher> Dispatchers = new();

    private static readonly MethodInfo Typed =
        typeof(GrainProxy).GetMethod(nameof(Dispatch), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo TypedPipelined =
        typeof(GrainProxy).GetMethod(nameof(DispatchPipelined), BindingFlags.NonPublic | BindingFlags.Static)!;

    private InProcessGrainHost _host = null!;
    private Type _interface = null!;
    private string _key = "";

    internal void Bind(InProcessGrainHost host, Type grainInterface, string key)
    {
        _host = host;
        _interface = grainInterface;
        _key = key;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return Dispatchers.GetOrAdd(targetMethod, Build)(this, targetMethod, args);
    }

    private static Dispatcher Build(MethodInfo method)
    {
        var returns = method.ReturnType;
        var dispatch = method.GetCustomAttribute<PipelinedAttribute>() is null ? Typed : TypedPipelined;
        if (returns == typeof(Task))
            return dispatch.MakeGenericMethod(typeof(bool)).CreateDelegate<Dispatcher>();
        if (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>))
            return dispatch.MakeGenericMethod(returns.GetGenericArguments()[0]).CreateDelegate<Dispatcher>();
        throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>.");
    }

    private static object Dispatch<T>(GrainProxy proxy, MethodInfo method, object?[]? args) =>
        proxy._host.CallAsync(proxy._interface, proxy._key, async grain =>
        {
            // DoNotWrapExceptions: the caller sees the grain's own exception, as from a direct call.
            var task = (Task)method.Invoke(grain, BindingFlags.DoNotWrapExceptions, null, args, null)!;
            await task.ConfigureAwait(false);
            return task is Task<T> typed ? typed.Result : default!;
        });

    private static object DispatchPipelined<T>(GrainProxy proxy, MethodInfo method, object?[]? args) =>
        proxy._host.CallPipelinedAsync<T>(proxy._interface, proxy._key,
            grain => (Task)method.Invoke(grain, BindingFlags.DoNotWrapExceptions, null, args, null)!);
}
