namespace Deliberation.Web.Meetings;

/// <summary>How long a speech took, as screens and pages show it (m:ss).</summary>
public static class FloorText
{
    public static string Duration(SpeechView speech) =>
        speech.EndedAt is { } ended ? $"{(int)(ended - speech.StartedAt).TotalMinutes}:{(ended - speech.StartedAt).Seconds:00}" : "";
}
