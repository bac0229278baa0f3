using System.Collections.Concurrent;
using System.Reflection;

namespace Deliberation.Runtime.Grains;

internal enum ReturnKind { Task, TaskOfT, ValueTask, ValueTaskOfT }

/// <summary>
/// How a proxy turns a call of an interface method into work queued on the activation, per method, cached.
/// The grain method runs through reflection with exceptions unwrapped, so the caller sees the grain's own exception.
/// </summary>
internal abstract class GrainMethodInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethodInvoker> Cache = new();

    public static GrainMethodInvoker For(MethodInfo method) => Cache.GetOrAdd(method, Create);

    public static ReturnKind? KindOf(Type returnType)
    {
        if (returnType == typeof(Task)) return ReturnKind.Task;
        if (returnType == typeof(ValueTask)) return ReturnKind.ValueTask;
        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            if (definition == typeof(Task<>)) return ReturnKind.TaskOfT;
            if (definition == typeof(ValueTask<>)) return ReturnKind.ValueTaskOfT;
        }
        return null;
    }

    private static GrainMethodInvoker Create(MethodInfo method)
    {
        var kind = KindOf(method.ReturnType)
            ?? throw new NotSupportedException($"{method.DeclaringType?.Name}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T>.");
        var resultType = kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT ? method.ReturnType.GetGenericArguments()[0] : typeof(object);
        var invokerType = typeof(GrainMethodInvoker<>).MakeGenericType(resultType);
        return (GrainMethodInvoker)Activator.CreateInstance(invokerType, method, kind)!;
    }

    /// <summary>Queues the call on the activation and returns what the interface method returns.</summary>
    public abstract object Invoke(GrainHost host, Type interfaceType, string key, object?[]? args);
}

internal sealed class GrainMethodInvoker<T>(MethodInfo method, ReturnKind kind) : GrainMethodInvoker
{
    public override object Invoke(GrainHost host, Type interfaceType, string key, object?[]? args)
    {
        var task = host.EnqueueAsync<T>(interfaceType, key, grain => Run(grain, args));
        return kind switch
        {
            ReturnKind.Task => task,
            ReturnKind.TaskOfT => task,
            ReturnKind.ValueTask => new ValueTask(task),
            _ => new ValueTask<T>(task),
        };
    }

    private async Task<T> Run(object grain, object?[]? args)
    {
        var returned = method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);
        switch (kind)
        {
            case ReturnKind.Task:
                await ((Task)returned!).ConfigureAwait(false);
                return default!;
            case ReturnKind.TaskOfT:
                return await ((Task<T>)returned!).ConfigureAwait(false);
            case ReturnKind.ValueTask:
                await ((ValueTask)returned!).ConfigureAwait(false);
                return default!;
            default:
                return await ((ValueTask<T>)returned!).ConfigureAwait(false);
        }
    }
}

/// <summary>The object a grain reference is: every call goes to the host.</summary>
public class GrainProxy : DispatchProxy
{
    private GrainHost? _host;
    private Type? _interfaceType;
    private string? _key;

    internal void Bind(GrainHost host, Type interfaceType, string key)
    {
        _host = host;
        _interfaceType = interfaceType;
        _key = key;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (_host is null || _interfaceType is null || _key is null) throw new InvalidOperationException("Unbound grain reference.");
        return GrainMethodInvoker.For(targetMethod).Invoke(_host, _interfaceType, _key, args);
    }

    public override string ToString() => $"{_interfaceType?.Name}/{_key}";
}
