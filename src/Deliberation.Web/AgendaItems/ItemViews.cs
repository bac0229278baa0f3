using System.Text.Json;
using Deliberation.Domain.AgendaItems;

namespace Deliberation.Web.AgendaItems;

public sealed record ItemView(
    string Id, string CouncilId, string Title, string Text, string Category, string Place,
    string SubmittedBy, string? OnBehalfOf, string Status, string? Outcome,
    string? TemplateId, int? TemplateVersion, StepView? CurrentStep, IReadOnlyList<StepView> Steps,
    bool IsPublic, DateTimeOffset? NoticeEndsAt, string? ResponsibleParty, DateOnly? Deadline,
    IReadOnlyList<ProposalView> Proposals, IReadOnlyList<ObjectionView> Objections, RatingsView Ratings,
    IReadOnlyList<string> Allowed, IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>Whether this viewer may add photos to the topic now (its submitter, until the item is closed).</summary>
    public bool MayAddTopicPhotos { get; init; }

    /// <summary>Progress reports 1 to this number take photos from this viewer now (0: none).</summary>
    public int ProgressReportsOpenToPhotos { get; init; }
}

public sealed record StepView(string Id, int Index, string Kind, string NameZh, string NameEn, string ActingRole);

public sealed record ProposalView(int Version, string Text, string? Reason);

public sealed record ObjectionView(int No, string Text, string RaisedBy, string State);

/// <summary>Ratings 1-5; councils report the share of 4s and 5s as the satisfaction rate.</summary>
public sealed record RatingsView(int Count, decimal? Average, decimal? SatisfiedShare);

/// <summary>One event of the item's log, as the timeline shows it: who, when, what, with the event's own details.</summary>
public sealed record TimelineEntry(long Sequence, string Type, string Actor, DateTimeOffset At, JsonElement Details, string Hash);

/// <summary>The catalogue row of an item: enough for lists, without replaying the item.</summary>
public sealed record ItemSummary(
    string Id, string CouncilId, string Title, string Category, AgendaItemStatus Status, string? Outcome,
    string? StepId, int? StepIndex, string? StepNameZh, string? StepNameEn, bool IsPublic, DateTimeOffset UpdatedAt);
