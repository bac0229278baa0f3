using Deliberation.Web.Errors;
using Deliberation.Domain.Councils;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Accounts;
using Deliberation.Web.AgendaItems;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Orleans;

namespace Deliberation.Web.Comments;

/// <summary>
/// The comments of an item: read by whoever may read the item (the public once it is disclosed), posted by the
/// council's residents, the window opened and closed and comments hidden by the clerk; as JSON and as the item
/// page's forms (post, then back to the page).
/// </summary>
public static class CommentEndpoints
{
    public static IEndpointRouteBuilder MapComments(this IEndpointRouteBuilder app)
    {
        var comments = app.MapGroup("/api/councils/{councilId}/items/{itemId}/comments").WithTags("Comments");

        comments.MapGet("/", async (string councilId, string itemId, HttpContext http, IGrainFactory grains, ProjectionRunner readSide) =>
            await grains.GetGrain<IAgendaItemGrain>(Identifiers.Require(itemId, "item")).GetAsync(councilId, http.ActorOrNull()) is { } item
                ? Results.Ok(await CommentList.ForAsync(readSide, item, http.ActorOrNull()))
                : Results.Problem(statusCode: 404, detail: "There is no such item, or it has not been disclosed.")).Access(Audience.Public);

        Command<PostComment>(comments, "/", CouncilRole.Resident);
        Command<OpenCommentWindow>(comments, "/open", CouncilRole.Clerk);
        Command<CloseCommentWindow>(comments, "/close", CouncilRole.Clerk);
        comments.MapCommand<HideComment>("/{no}/hide", null, async (http, command) =>
                Results.Ok(await ActAsync(http, command with { No = Number(http.Route("no")) })))
            .AccessFor(CouncilRole.Clerk).WithName("comment-hide");

        MapForms(app);
        return app;
    }

    private static void Command<T>(RouteGroupBuilder group, string pattern, CouncilRole role) where T : CommentCommand =>
        group.MapCommand<T>(pattern, null, async (http, command) => Results.Ok(await ActAsync(http, command)))
            .AccessFor(role).WithName($"comments-{typeof(T).Name}");

    private static Task<CommentAnswer> ActAsync(HttpContext http, CommentCommand command) =>
        http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<ICommentsGrain>(Identifiers.Require(http.Route("itemId"), "item"))
            .ActAsync(http.Route("councilId"), command with { RequestId = RequestIds.Of(http, command.RequestId) }, http.Actor());

    private static void MapForms(IEndpointRouteBuilder app)
    {
        const string Item = "/councils/{councilId}/items/{itemId}";

        app.MapPost(Item + "/comments", ([FromForm] CommentForm form, HttpContext http, string councilId, string itemId) =>
            Form(http, councilId, itemId, "comment", form.RequestId, "comment-posted",
                new PostComment(form.Text, RequestIds.Checked(form.RequestId))))
            .AccessFor(CouncilRole.Resident).ExcludeFromDescription();

        app.MapPost(Item + "/comments/window", ([FromForm] CommentForm form, HttpContext http, string councilId, string itemId) =>
            Form(http, councilId, itemId, "comments-window", form.RequestId, form.Open ? "comments-opened" : "comments-closed",
                form.Open ? new OpenCommentWindow(form.Reason) : new CloseCommentWindow(form.Reason)))
            .AccessFor(CouncilRole.Clerk).ExcludeFromDescription();

        app.MapPost(Item + "/comments/{no}/hide", ([FromForm] CommentForm form, HttpContext http, string councilId, string itemId, string no) =>
        {
            var n = Number(no);
            return Form(http, councilId, itemId, $"comment-hide-{n}", form.RequestId, "comment-hidden", new HideComment(n, form.Reason));
        })
            .AccessFor(CouncilRole.Clerk).ExcludeFromDescription();
    }

    /// <summary>A comment's number from the route; the gate has answered before any route value is read, so no constraint hides it.</summary>
    public static int Number(string? no) =>
        int.TryParse(no, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new NotFound(WebRefusals.NoSuchComment);

    private static Task<IResult> Form(HttpContext http, string councilId, string itemId, string formName, string? requestId, string done,
        CommentCommand command) =>
        FormRedirects.Act($"/councils/{councilId}/items/{itemId}", done, () =>
            http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<ICommentsGrain>(Identifiers.Require(itemId, "item"))
                .ActAsync(councilId, command with { RequestId = RequestIds.Checked(requestId) }, http.Actor()),
            FormRedirects.Keep(formName, requestId), anchor: "comments");
}

/// <summary>The comment forms' fields: a comment's text, or the clerk's reason (and, for the window, which way).</summary>
public sealed class CommentForm
{
    public string? Text { get; set; }
    public string? Reason { get; set; }
    public bool Open { get; set; }
    public string? RequestId { get; set; }
}
