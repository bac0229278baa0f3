using System.Text.Json.Serialization;

namespace Deliberation.Domain.Process;

/// <summary>What happens at a step; the kind decides which actions the step offers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepKind>))]
public enum StepKind { Proposal, Consultation, ResolutionVote, Review, Disclosure, Implementation, ResultDisclosure }
