using System.Globalization;
using Deliberation.Web.Errors;
using Deliberation.Web.Grains;
using Deliberation.Web.Localization;

namespace Deliberation.Web.Hosting;

/// <summary>
/// A refusal as the person at the form (or the live screen) reads it: in the page's language, from its declared words
/// (Errors/RefusalWords); a failure by its stable code; only words never declared as the exception says them.
/// </summary>
public static class FormMessages
{
    private static readonly UiText Text = new();

    public static string For(Exception refused) => For(refused, CultureInfo.CurrentUICulture);

    public static string For(Exception refused, CultureInfo culture) =>
        RefusalWords.Say(Text, refused, culture)
        ?? (Refusals.Find(refused)?.Code is { } code && Text.Get($"form.{code}", culture) is var said && said != $"form.{code}" ? said
        : refused.Message);
}
