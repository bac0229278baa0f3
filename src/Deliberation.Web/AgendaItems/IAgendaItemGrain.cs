using Deliberation.Domain.Councils;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;

namespace Deliberation.Web.AgendaItems;

/// <summary>One agenda item (议题) through its whole process. Keyed by item id.</summary>
public interface IAgendaItemGrain : IFallsDue
{
    Task<ItemView> SubmitAsync(string councilId, SubmitItem request, Actor by);

    Task<ItemView> ActAsync(string councilId, ItemCommand command, Actor by);

    /// <summary>The item as this viewer may see it; null when it does not exist in that council or is not theirs to see.</summary>
    Task<ItemView?> GetAsync(string councilId, Actor? viewer);

    Task<ChainVerification> VerifyAsync();
}
