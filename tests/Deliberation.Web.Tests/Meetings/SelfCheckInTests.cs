using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Meetings;
using Deliberation.Web.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Meetings;

/// <summary>
/// Self check-in through the real app: a hall of members checking in at once is acknowledged, counted once each, and
/// reaches the chair's console by push, in far fewer pushes than check-ins, each carrying the counts and the members
/// who checked in since the previous one, never the whole roll.
/// </summary>
public sealed class SelfCheckInTests(CheckInHall hall) : IClassFixture<CheckInHall>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http = hall.App.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false,
    });

    private static string CheckIn(string meetingId) => $"/api/councils/{CheckInHall.CouncilId}/meetings/{meetingId}/check-in";

    [Fact]
    public async Task EveryMemberCheckingInAtOnceIsAcknowledgedCountedOnceAndPushedToTheConsoleInFewPushesOfWhatChanged()
    {
        var meetingId = await hall.OpenMeetingAsync();
        await using var console = await hall.HubAsync(hall.ChairCookie);
        await console.InvokeAsync<MeetingLive>("Join", CheckInHall.CouncilId, meetingId);
        var pushes = 0;
        var (entriesPushed, rollsPushed) = (0, 0);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var everyonePresent = new TaskCompletionSource<MeetingView>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = console.On<MeetingView>("MeetingChanged", view =>
        {
            Interlocked.Increment(ref pushes);
            lock (seen)
            {
                rollsPushed += view.Attendance.Count;
                entriesPushed += view.AttendanceChanges?.Count ?? 0;
                foreach (var entry in view.AttendanceChanges ?? []) seen[entry.UserId] = entry.Attendance;
                // A check-in recorded while a push was being built is counted in it and listed in the next.
                if (view.PresentMembers == CheckInHall.Members && seen.Count(s => s.Value == "Present") == CheckInHall.Members)
                    everyonePresent.TrySetResult(view);
            }
        });
        var clock = Stopwatch.StartNew();

        var answers = await Task.WhenAll(hall.MemberIds.Select(async memberId =>
        {
            await Task.Yield();
            using var response = await hall.PostAsync(_http, CheckIn(meetingId), hall.CookieOf(memberId));
            return (memberId, response.StatusCode, Receipt: response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<CheckInReceipt>(Json) : null);
        }));
        var pushed = await everyonePresent.Task.WaitAsync(Patience);
        var took = clock.Elapsed;

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers, a => Assert.Equal(new CheckInReceipt(meetingId, a.memberId, "Present"), a.Receipt));
        Assert.Equal(CheckInHall.Members, pushed.PresentMembers);
        lock (seen)
        {
            // The console learnt every check-in from the pushes, each member once, and no push carried the roll.
            Assert.Equal(hall.MemberIds.Order(StringComparer.Ordinal), seen.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(CheckInHall.Members, entriesPushed);
            Assert.Equal(0, rollsPushed);
        }
        Assert.Equal(CheckInHall.Members, (await AttendanceRecordedAsync(meetingId)).Distinct().Count());
        Assert.Equal(CheckInHall.Members, (await AttendanceRecordedAsync(meetingId)).Count);
        // At most one push per window, plus the first (which goes out at once) and the last that was on its way.
        var allowed = (int)(took / MeetingPush.ChangeWindow) + 2;
        Assert.True(Volatile.Read(ref pushes) <= allowed, $"{pushes} pushes for {CheckInHall.Members} check-ins in {took.TotalSeconds:F1} s (at most {allowed})");
        Assert.True(Volatile.Read(ref pushes) < CheckInHall.Members / 2, $"{pushes} pushes for {CheckInHall.Members} check-ins");
    }

    [Fact]
    public async Task CheckingInAgainChangesNothingAndAnswersTheSame()
    {
        var meetingId = await hall.OpenMeetingAsync();
        var cookie = hall.CookieOf(hall.MemberIds[0]);

        using var first = await hall.PostAsync(_http, CheckIn(meetingId), cookie);
        var before = await AttendanceRecordedAsync(meetingId);
        using var again = await hall.PostAsync(_http, CheckIn(meetingId), cookie);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(new CheckInReceipt(meetingId, hall.MemberIds[0], "Present"), await again.Content.ReadFromJsonAsync<CheckInReceipt>(Json));
        Assert.Equal(before, await AttendanceRecordedAsync(meetingId));
        Assert.Equal([hall.MemberIds[0]], before);
    }

    [Fact]
    public async Task RefusesSomeoneNotOnTheBodysRollAndWritesNothing()
    {
        var meetingId = await hall.OpenMeetingAsync();

        using var otherBody = await hall.PostAsync(_http, CheckIn(meetingId), hall.OtherBodyCookie);
        using var resident = await hall.PostAsync(_http, CheckIn(meetingId), hall.ResidentCookie);
        using var chair = await hall.PostAsync(_http, CheckIn(meetingId), hall.ChairCookie);

        Assert.Equal(HttpStatusCode.Forbidden, otherBody.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resident.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, chair.StatusCode);
        Assert.Empty(await AttendanceRecordedAsync(meetingId));
    }

    [Fact]
    public async Task RefusesACheckInOnceTheMeetingIsClosed()
    {
        var meetingId = await hall.OpenMeetingAsync();
        using var closing = await hall.PostAsync(_http, $"/api/councils/{CheckInHall.CouncilId}/meetings/{meetingId}/close", hall.ChairCookie);

        using var late = await hall.PostAsync(_http, CheckIn(meetingId), hall.CookieOf(hall.MemberIds[1]));

        Assert.Equal(HttpStatusCode.OK, closing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Empty(await AttendanceRecordedAsync(meetingId));
    }

    /// <summary>Who the meeting's log records attendance for, one entry per event, straight from the log.</summary>
    private async Task<List<string>> AttendanceRecordedAsync(string meetingId) =>
        (await hall.App.Services.GetRequiredService<IEventLog>().ReadStreamAsync($"{MeetingGrain.Category}-{meetingId}"))
            .Where(e => e.EventType == nameof(Domain.Meetings.AttendanceRecorded))
            .Select(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("userId").GetString()!)
            .ToList();
}
