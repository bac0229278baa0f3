using System.Text.Json;
using Deliberation.Domain;
using Deliberation.Domain.AgendaItems;
using Deliberation.Domain.Councils;
using Deliberation.Domain.Process;
using Deliberation.Runtime.EventLog;

namespace Deliberation.Web.AgendaItems;

/// <summary>Reads an item for people: its state from the aggregate, its history from the log (never from anywhere else).</summary>
public static class ItemProjection
{
    /// <summary>The item as this viewer may see it: residents unnamed unless the viewer acts for the council.</summary>
    public static ItemView View(AgendaItem item, IReadOnlyList<EventEnvelope> log, Actor? viewer)
    {
        var steps = item.Template?.Steps.Select((s, i) => Step(s, i)).ToList() ?? [];
        var ratings = item.Ratings.Select(r => r.Score).ToList();
        var view = new ItemView(
            item.Id, item.CouncilId, item.Title, item.Text, item.Category, item.Place, item.SubmittedBy, item.OnBehalfOf,
            item.Status.ToString(), item.Outcome?.ToString(), item.Template?.Id, item.Template?.Version,
            item.CurrentStep is { } current ? Step(current, item.CurrentStepIndex) : null, steps,
            item.IsPublic, item.NoticeEndsAt, item.ResponsibleParty, item.Deadline,
            item.Proposals.Select(p => new ProposalView(p.Version, p.Text, p.Reason)).ToList(),
            item.Objections.Select(o => new ObjectionView(o.No, o.Text, o.RaisedBy, o.State.ToString())).ToList(),
            new RatingsView(ratings.Count,
                ratings.Count == 0 ? null : Math.Round((decimal)ratings.Sum() / ratings.Count, 2),
                ratings.Count == 0 ? null : Math.Round((decimal)ratings.Count(s => s >= 4) / ratings.Count, 4)),
            viewer is null ? [] : item.AllowedActions(viewer).Select(a => a.ToKebabCase()).ToList(),
            log.Select(Entry).ToList())
        {
            MayAddTopicPhotos = viewer is not null && item.MayAttachPhotos(viewer, null),
            ProgressReportsOpenToPhotos = viewer is not null && item.MayAttachPhotos(viewer, item.ProgressReports) ? item.ProgressReports : 0,
        };
        return ResidentPrivacy.SeesNames(viewer) ? view : ResidentPrivacy.WithoutResidents(view);
    }

    public static ItemSummary Summary(AgendaItem item, DateTimeOffset now) => new(
        item.Id, item.CouncilId, item.Title, item.Category, item.Status, item.Outcome?.ToString(),
        item.CurrentStep?.Id, item.CurrentStep is null ? null : item.CurrentStepIndex,
        item.CurrentStep?.Name.Zh, item.CurrentStep?.Name.En, item.IsPublic, now);

    private static StepView Step(ProcessStep step, int index) =>
        new(step.Id, index, step.Kind.ToString(), step.Name.Zh, step.Name.En, step.ActingRole.ToString());

    private static TimelineEntry Entry(EventEnvelope e)
    {
        using var payload = JsonDocument.Parse(e.Payload);
        return new TimelineEntry(e.Sequence, e.EventType, e.Actor, e.OccurredAt, payload.RootElement.Clone(), e.Hash);
    }
}
