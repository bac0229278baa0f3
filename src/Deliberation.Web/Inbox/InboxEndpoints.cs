using Deliberation.Domain.Councils;
using Deliberation.Runtime.Projections;
using Deliberation.Web.Accounts;
using Deliberation.Web.Grains;
using Deliberation.Web.Hosting;
using Deliberation.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Orleans;

namespace Deliberation.Web.Inbox;

/// <summary>A notice as the API answers it: its words already in the caller's language.</summary>
public sealed record NoticeView(long Id, string CouncilId, string Kind, string SubjectId, string Link, IReadOnlyList<string> Args,
    string Text, DateTimeOffset At, bool Read);

public sealed record InboxView(long Unread, IReadOnlyList<NoticeView> Notices);

public sealed record ReadAllNotices(long ThroughNoticeId)
{
    public string? RequestId { get; init; }
}

/// <summary>The inbox (我的消息): any signed-in account reads its own notices and marks them read.</summary>
public static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/account/inbox").WithTags("Inbox");
        inbox.MapGet("/", async (HttpContext http, ProjectionRunner readSide, UiText text) =>
        {
            var user = http.User.UserId();
            var notices = await Notices.ListAsync(readSide, user);
            return Results.Ok(new InboxView(await Notices.UnreadAsync(readSide, user), notices.Select(n => View(n, text)).ToList()));
        }).Access(Audience.SignedIn);
        // The id is checked here, not by a route constraint: a malformed one is the caller's mistake (400), not a missing page.
        inbox.MapPost("/{noticeId}/read", async (string noticeId, HttpContext http, IGrainFactory grains) =>
        {
            var user = http.User.UserId();
            if (!long.TryParse(noticeId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                throw Domain.Inbox.InboxRefusals.NoSuchNotice.Invalid(nameof(noticeId));
            await grains.GetGrain<IInboxGrain>(user).ReadAsync(id, RequestIds.Of(http, null), Actor.Nobody(user));
            return Results.NoContent();
        }).Access(Audience.SignedIn);
        inbox.MapPost("/read-all", async (ReadAllNotices request, HttpContext http, IGrainFactory grains) =>
        {
            var user = http.User.UserId();
            await grains.GetGrain<IInboxGrain>(user).ReadAllAsync(request.ThroughNoticeId, RequestIds.Of(http, request.RequestId), Actor.Nobody(user));
            return Results.NoContent();
        }).Access(Audience.SignedIn);

        // The inbox page's buttons: forms, so they work without script.
        app.MapPost("/account/inbox/read", async ([FromForm] ReadNoticeForm form, HttpContext http, IGrainFactory grains) =>
            await FormRedirects.Act("/account/inbox", "read", () =>
            {
                var user = http.User.UserId();
                var grain = grains.GetGrain<IInboxGrain>(user);
                var requestId = RequestIds.Checked(form.RequestId);
                return form.All ? grain.ReadAllAsync(form.NoticeId, requestId, Actor.Nobody(user)) : grain.ReadAsync(form.NoticeId, requestId, Actor.Nobody(user));
            }, FormRedirects.Keep("inbox", form.RequestId))).Access(Audience.SignedIn).ExcludeFromDescription();
        return app;
    }

    public static NoticeView View(Notice n, UiText text) =>
        new(n.Id, n.CouncilId, n.Kind, n.SubjectId, n.Link, n.Args, Words(n, text), n.At, n.Read);

    /// <summary>The notice's words in the current language; a kind this version does not know still shows its arguments.</summary>
    public static string Words(Notice n, UiText text)
    {
        var key = n.TextKey;
        return text.HasBoth(key) ? text.Format(key, n.Args.Cast<object>().ToArray()) : string.Join(" · ", n.Args);
    }
}

public sealed class ReadNoticeForm
{
    public long NoticeId { get; set; }
    public bool All { get; set; }
    public string? RequestId { get; set; }
}
