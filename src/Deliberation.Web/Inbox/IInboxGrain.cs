using Deliberation.Domain.Councils;
using Orleans;

namespace Deliberation.Web.Inbox;

/// <summary>What one person has read in their inbox. Keyed by the person's user id; only they act on it.</summary>
public interface IInboxGrain : IGrainWithStringKey
{
    /// <summary>Marks one notice read; <paramref name="requestId"/> is the idempotency key.</summary>
    Task ReadAsync(long noticeId, string? requestId, Actor by);

    /// <summary>Marks every notice through <paramref name="throughNoticeId"/> read.</summary>
    Task ReadAllAsync(long throughNoticeId, string? requestId, Actor by);
}
