using Deliberation.Domain;
using Deliberation.Domain.Ballots;
using Deliberation.Domain.Meetings;
using Deliberation.Runtime.EventLog;

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
        catch (Exception refused) when (refused is ArgumentException or ProcessRuleViolation or NotPermitted or NotFound
            or StreamConcurrencyException or MeetingRuleViolation or BallotRuleViolation
            or Deliberation.Domain.Escalations.EscalationRuleViolation or Deliberation.Domain.Requests.SmallRequestRuleViolation)
        {
            return Results.LocalRedirect($"{page}?error={Uri.EscapeDataString(FormMessages.For(refused))}");
        }
    }
}
