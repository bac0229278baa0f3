using Deliberation.Domain.Councils;
using Orleans;

namespace Deliberation.Web.Comments;

/// <summary>The residents' comments on one agenda item. Keyed by the item's id.</summary>
public interface ICommentsGrain : IGrainWithStringKey
{
    Task<CommentAnswer> ActAsync(string councilId, CommentCommand command, Actor by);
}
