namespace Deliberation.Web.Tests.Hosting.Browser;

/// <summary>A test in a real browser: reported as skipped, never as passed, where Debian's Chromium is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserApp.Chromium))
            Skip = $"{BrowserApp.Chromium} is missing (scripts/test.sh installs it unless DELIBERATION_SKIP_BROWSER=1).";
    }
}
