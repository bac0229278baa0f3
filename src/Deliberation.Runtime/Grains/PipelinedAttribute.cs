namespace Deliberation.Runtime.Grains;

/// <summary>
/// Marks a grain interface method whose calls may overlap while they wait for their writes to become durable (as Orleans'
/// interleaving attributes let calls in). The method's synchronous part runs in the activation's turn, as any call does;
/// the task it returns is awaited after the turn is released, so the next call can join the same group commit. Such a
/// method must make every state change, including its append (<see cref="JournaledGrain{TState}"/>'s pipelined raise),
/// before its first await, and await nothing else but durability.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class PipelinedAttribute : Attribute;
