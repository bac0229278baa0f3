using System.Text.Json.Serialization;

namespace Deliberation.Domain.Councils;

[JsonConverter(typeof(JsonStringEnumConverter<CouncilRole>))]
public enum CouncilRole { Resident, GridWorker, Clerk, Chair, Member, Reviewer, ResponsibleParty, Volunteer }
