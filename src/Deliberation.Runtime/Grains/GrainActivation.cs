namespace Deliberation.Runtime.Grains;

/// <summary>
/// One live grain: its instance and its turn. Whoever holds the turn may call the instance; nobody else may.
/// </summary>
internal sealed class GrainActivation(Grain instance)
{
    public Grain Instance { get; } = instance;

    public SemaphoreSlim Turn { get; } = new(1, 1);

    public bool Activated { get; set; }

    /// <summary>Set under the turn when the activation is dropped; a caller that finds it set starts a fresh one.</summary>
    public bool Deactivated { get; set; }

    public long LastUsed { get; set; }
}
