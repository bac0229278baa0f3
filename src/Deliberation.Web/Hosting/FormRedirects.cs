using Deliberation.Web.Grains;

namespace Deliberation.Web.Hosting;

/// <summary>
/// How a page's form answers (post, then redirect): back to where the person goes next, or back to the page with the
/// refusal as a message. A refusal is raised before anything is written, so nothing is half done.
/// </summary>
public static class FormRedirects
{
    /// <param name="resend">
    /// What the page needs to draw the form again with the same idempotency key (client vote id, request id), so that
    /// sending it again after storage failed, or after an unknown outcome, does not act twice. Read back by <see cref="Resend"/>.
    /// </param>
    public static async Task<IResult> Attempt(string page, Func<Task<string>> act, string? resend = null)
    {
        try
        {
            return Results.LocalRedirect(await act());
        }
        catch (Exception refused) when (Refusals.IsRefused(refused))
        {
            return Results.LocalRedirect($"{page}?error={Uri.EscapeDataString(FormMessages.For(refused))}");
        }
        catch (Exception failed) when (Refusals.Find(failed) is { Refused: false })
        {
            var keep = resend is null ? "" : $"&{ResendQuery}={Uri.EscapeDataString(resend)}";
            return Results.LocalRedirect($"{page}?error={Uri.EscapeDataString(FormMessages.For(failed))}{keep}");
        }
    }

    /// <summary>
    /// The usual form: acts, then goes back to <paramref name="page"/> saying what was done (<c>?done=</c>, which the page
    /// confirms), at <paramref name="anchor"/> if given; or back with the refusal, as <see cref="Attempt"/> does.
    /// </summary>
    public static Task<IResult> Act(string page, string? done, Func<Task> act, string? resend = null, string? anchor = null) =>
        Attempt(page, async () =>
        {
            await act();
            return $"{page}?done={Uri.EscapeDataString(done ?? "")}{(anchor is null ? "" : "#" + anchor)}";
        }, resend);

    private const string ResendQuery = "resend";

    /// <summary>
    /// The idempotency key a form drawn on this page keeps, if the last post of that form (named by
    /// <paramref name="form"/>) failed and may be sent again; otherwise a fresh one.
    /// </summary>
    public static string Resend(HttpContext? http, string form) =>
        http?.Request.Query[ResendQuery].FirstOrDefault() is { } kept && kept.StartsWith(form + ":", StringComparison.Ordinal)
            && RequestIds.Checked(kept[(form.Length + 1)..]) is { } key ? key : Guid.NewGuid().ToString("n");

    /// <summary>What <see cref="Attempt"/> carries for the form's key.</summary>
    public static string? Keep(string form, string? key) => string.IsNullOrEmpty(key) ? null : $"{form}:{key}";
}
