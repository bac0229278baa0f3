namespace Deliberation.Domain.Councils;

/// <summary>How the council runs its meetings: the time zone its times are told in, and each speaker's time.</summary>
public sealed partial class Council
{
    public const int DefaultSpeakingMinutes = 3;
    public const int MaxSpeakingMinutes = 60;

    public string TimeZoneId { get; private set; } = CouncilTime.DefaultZoneId;
    public int SpeakingMinutes { get; private set; } = DefaultSpeakingMinutes;
    public TimeSpan SpeakingTime => TimeSpan.FromMinutes(SpeakingMinutes);

    /// <summary>The clerk sets the council's time zone (an IANA id such as Asia/Shanghai) and the minutes each speaker has.</summary>
    public IReadOnlyList<CouncilEvent> SetMeetingPractice(Actor by, string timeZoneId, int speakingMinutes, string? reason)
    {
        RequireClerk(by, CouncilRefusals.ToSetMeetingPractice);
        if (!CouncilTime.IsKnownZone(timeZoneId)) throw CouncilRefusals.NoSuchTimeZone.With(timeZoneId).Invalid(nameof(timeZoneId));
        if (speakingMinutes is < 1 or > MaxSpeakingMinutes)
            throw CouncilRefusals.SpeakingMinutes.With(MaxSpeakingMinutes).Invalid(nameof(speakingMinutes));
        if (timeZoneId == TimeZoneId && speakingMinutes == SpeakingMinutes) return [];
        return Raise(new MeetingPracticeSet(timeZoneId, speakingMinutes, Reason(reason)));
    }

    private void ApplyMeetingPractice(MeetingPracticeSet e) => (TimeZoneId, SpeakingMinutes) = (e.TimeZoneId, e.SpeakingMinutes);
}

public sealed record MeetingPracticeSet(string TimeZoneId, int SpeakingMinutes, string Reason) : CouncilEvent;
