using Deliberation.Domain.Inbox;
using Deliberation.Runtime.Projections;
using Deliberation.Web.ReadSide;

namespace Deliberation.Web.Inbox;

/// <summary>A person's read marks (<see cref="InboxGrain"/>), applied to their notices' rows.</summary>
internal sealed class NoticeReads() : CategoryReader<InboxEvent>(InboxGrain.Category)
{
    protected override async Task ApplyAsync(string userId, InboxEvent e, LoggedEvent logged, ProjectionContext context)
    {
        switch (e)
        {
            case NoticeRead r:
                await context.ExecuteAsync("UPDATE notices SET is_read = 1 WHERE user_id = @user AND notice_id = @id", ("@user", userId), ("@id", r.NoticeId));
                break;
            case NoticesReadThrough t:
                await context.ExecuteAsync("UPDATE notices SET is_read = 1 WHERE user_id = @user AND notice_id <= @id AND is_read = 0",
                    ("@user", userId), ("@id", t.NoticeId));
                break;
        }
    }
}
