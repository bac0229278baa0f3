using Deliberation.Web.Grains;
using Deliberation.Domain.Councils;
using Orleans;

namespace Deliberation.Web.Requests;

/// <summary>One small request (群众点单、社区派单、党员接单) from posting to the resident's rating. Keyed by request id.</summary>
public interface ISmallRequestGrain : IFallsDue
{
    Task<SmallRequestView> PostAsync(string councilId, PostSmallRequest request, Actor by);

    Task<SmallRequestView> ActAsync(string councilId, SmallRequestCommand command, Actor by);

    /// <summary>Null when it is not in that council or the viewer holds no role there.</summary>
    Task<SmallRequestView?> GetAsync(string councilId, Actor viewer);
}
