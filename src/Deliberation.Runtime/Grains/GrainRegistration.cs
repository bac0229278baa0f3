using System.Reflection;

namespace Deliberation.Runtime.Grains;

/// <summary>One grain interface and its implementation (registered by AddGrain).</summary>
public sealed class GrainRegistration
{
    public GrainRegistration(Type interfaceType, Type implementationType)
    {
        if (!interfaceType.IsInterface || !typeof(IGrainWithStringKey).IsAssignableFrom(interfaceType))
            throw new ArgumentException($"{interfaceType} must be an interface deriving from IGrainWithStringKey.", nameof(interfaceType));
        if (!typeof(Grain).IsAssignableFrom(implementationType) || implementationType.IsAbstract || !interfaceType.IsAssignableFrom(implementationType))
            throw new ArgumentException($"{implementationType} must be a concrete Grain implementing {interfaceType}.", nameof(implementationType));
        foreach (var method in AllMethods(interfaceType))
        {
            if (GrainMethodInvoker.KindOf(method.ReturnType) is null)
                throw new ArgumentException(
                    $"{interfaceType.Name}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T>.", nameof(interfaceType));
        }
        InterfaceType = interfaceType;
        ImplementationType = implementationType;
    }

    public Type InterfaceType { get; }
    public Type ImplementationType { get; }

    internal static IEnumerable<MethodInfo> AllMethods(Type interfaceType) =>
        new[] { interfaceType }.Concat(interfaceType.GetInterfaces())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance));
}
