using Deliberation.Web.Grains;

namespace Deliberation.Web.Hosting;

/// <summary>
/// How a page's form answers (post, then redirect): back to where the person goes next, or back to the page with the
/// refusal as a message. A refusal is raised before anything is written, so nothing is half done.
/// </summary>
public static class FormRedirects
{
    public static async Task<IResult> Attempt(string page, Func<Task<string>> act)
    {
        try
        {
            return Results.LocalRedirect(await act());
        }
        catch (Exception refused) when (Refusals.IsRefused(refused))
        {
            return Results.LocalRedirect($"{page}?error={Uri.EscapeDataString(FormMessages.For(refused))}");
        }
    }
}
