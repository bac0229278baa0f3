using System.Globalization;
using Deliberation.Domain;
using Deliberation.Domain.Councils;
using Deliberation.Web.Accounts;
using Deliberation.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Orleans;

namespace Deliberation.Web.Councils;

/// <summary>What the clerk's meeting-practice page sends. Minutes as typed, so that "abc" is a message, not a 400.</summary>
public sealed class MeetingPracticeForm
{
    public string? TimeZoneId { get; set; }
    public string? SpeakingMinutes { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// The clerk's page for how meetings run posts here (the same command as <c>POST /api/councils/{c}/meeting-practice</c>):
/// a field that is wrong comes back to the page named, with what was sent, and nothing is written.
/// </summary>
public static class MeetingPracticeEndpoints
{
    public static IEndpointRouteBuilder MapMeetingPracticeForm(this IEndpointRouteBuilder app)
    {
        app.MapPost("/councils/{councilId}/meeting-practice", async (string councilId, [FromForm] MeetingPracticeForm form,
            HttpContext http, IGrainFactory grains) =>
        {
            var page = $"/councils/{councilId}/meeting-practice";
            if (!CouncilTime.IsKnownZone(form.TimeZoneId)) return Refused(page, "zone", form);
            if (!int.TryParse(form.SpeakingMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                || minutes is < 1 or > Council.MaxSpeakingMinutes)
                return Refused(page, "minutes", form);
            try
            {
                TextRules.Optional(form.Reason, TextKind.Note, "reason");
            }
            catch (TextRuleViolation refused)
            {
                return Refused(page, "reason", form, FormMessages.For(refused));
            }
            return await FormRedirects.Act(page, "saved", async () => await grains.GetGrain<ICouncilGrain>(councilId).SetMeetingPracticeAsync(
                new SetMeetingPractice(form.TimeZoneId, minutes, form.Reason), http.Actor()));
        }).AccessFor(CouncilRole.Clerk).ExcludeFromDescription();
        return app;
    }

    private static IResult Refused(string page, string field, MeetingPracticeForm form, string? message = null) =>
        Results.LocalRedirect($"{page}?problem={field}&zone={Query(form.TimeZoneId)}&minutes={Query(form.SpeakingMinutes)}" +
            $"&reason={Query(form.Reason)}{(message is null ? "" : $"&error={Query(message)}")}");

    // A bounded echo: what was sent comes back in the address, never more than a form field's worth.
    private static string Query(string? value) => Uri.EscapeDataString(value is { Length: > 500 } ? value[..500] : value ?? "");
}
