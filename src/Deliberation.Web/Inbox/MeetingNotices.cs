using Deliberation.Domain.Meetings;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Meetings;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Inbox;

/// <summary>An item put on a meeting's agenda: its followers learn when and where it will be taken up.</summary>
internal sealed class MeetingNotices() : CategoryReader<MeetingEvent>(MeetingGrain.Category)
{
    protected override async Task ApplyAsync(string meetingId, MeetingEvent e, LoggedEvent logged, ProjectionContext context)
    {
        switch (e)
        {
            case MeetingScheduled s:
                await context.ExecuteAsync("INSERT INTO notice_meetings (meeting_id, council_id, title, starts_at) VALUES (@m, @council, @title, @at) " +
                    "ON CONFLICT (meeting_id) DO UPDATE SET title = excluded.title, starts_at = excluded.starts_at",
                    ("@m", meetingId), ("@council", s.CouncilId), ("@title", s.Title), ("@at", ReadModelTime.Format(s.StartsAt)));
                foreach (var itemId in s.Agenda) await ScheduledAsync(logged, context, meetingId, itemId);
                break;
            case AgendaItemAdded a:
                await ScheduledAsync(logged, context, meetingId, a.ItemId);
                break;
        }
    }

    private static async Task ScheduledAsync(LoggedEvent logged, ProjectionContext context, string meetingId, string itemId)
    {
        if (await ItemNotices.TitleAsync(context, itemId) is not { } item) return;
        var meeting = await context.QueryAsync("SELECT title, starts_at FROM notice_meetings WHERE meeting_id = @m",
            row => (Title: row.GetString(0), StartsAt: row.GetString(1)), ("@m", meetingId));
        if (meeting.Count == 0) return;
        await NoticesProjection.SendAsync(context, logged, await NoticeFollowers.OfAsync(context, item.CouncilId, itemId),
            new NoticeDraft(item.CouncilId, "item.scheduled", itemId, $"/councils/{item.CouncilId}/meetings/{meetingId}",
                [item.Title, meeting[0].Title, meeting[0].StartsAt]));
    }
}
