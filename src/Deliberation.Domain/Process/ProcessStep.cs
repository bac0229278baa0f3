using Deliberation.Domain.Councils;

namespace Deliberation.Domain.Process;

/// <param name="Body">The council's body that acts at this step, e.g. "joint-meeting".</param>
/// <param name="OnReturned">For a Review step: where a returned resolution goes back to.</param>
/// <param name="OnObjectionUpheld">For a Disclosure step: where an upheld objection sends the item.</param>
public sealed record ProcessStep(
    string Id,
    StepKind Kind,
    LocalizedText Name,
    CouncilRole ActingRole,
    string? Body = null,
    int? NoticeDays = null,
    string? OnReturned = null,
    string? OnObjectionUpheld = null);
