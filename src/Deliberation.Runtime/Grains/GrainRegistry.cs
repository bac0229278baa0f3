namespace Deliberation.Runtime.Grains;

/// <summary>One grain interface and the class that implements it.</summary>
public sealed record GrainRegistration(Type Interface, Type Implementation);

/// <summary>Which class implements each grain interface.</summary>
public sealed class GrainRegistry
{
    private readonly Dictionary<Type, Type> _implementations = new();

    public GrainRegistry(IEnumerable<GrainRegistration> registrations)
    {
        foreach (var (grainInterface, implementation) in registrations)
        {
            if (!grainInterface.IsInterface || !typeof(IGrainWithStringKey).IsAssignableFrom(grainInterface))
                throw new ArgumentException($"{grainInterface.Name} is not a grain interface.");
            if (!typeof(Grain).IsAssignableFrom(implementation) || !grainInterface.IsAssignableFrom(implementation))
                throw new ArgumentException($"{implementation.Name} must derive from Grain and implement {grainInterface.Name}.");
            _implementations[grainInterface] = implementation;
        }
    }

    public Type ImplementationOf(Type grainInterface) =>
        _implementations.TryGetValue(grainInterface, out var implementation)
            ? implementation
            : throw new InvalidOperationException($"No grain is registered for {grainInterface.Name}; call AddGrain<{grainInterface.Name}, ...>().");
}
