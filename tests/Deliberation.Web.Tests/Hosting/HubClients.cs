using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Web.Tests.Hosting;

/// <summary>Real SignalR clients of the app's meeting hub, signed in with the same cookie a browser would hold.</summary>
public static class HubClients
{
    public static Task<HubConnection> MeetingHubAsync(this CouncilApp app, string? login, string password = CouncilApp.DemoPassword) =>
        app.HubAsync("/hubs/meeting", login, password);

    public static async Task<HubConnection> HubAsync(this CouncilApp app, string path, string? login, string password = CouncilApp.DemoPassword)
    {
        var cookie = login is null ? null : await SignInCookieAsync(app, login, password);
        return await app.HubWithCookieAsync(path, cookie);
    }

    /// <summary>A client of the hub at <paramref name="path"/> holding a session cookie (none: signed out).</summary>
    public static async Task<HubConnection> HubWithCookieAsync(this CouncilApp app, string path, string? cookie)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri("https://localhost"), path), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                // The test server speaks HTTP only; long polling carries the same hub protocol as WebSockets.
                options.Transports = HttpTransportType.LongPolling;
                if (cookie is not null) options.Headers["Cookie"] = cookie;
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static async Task<string> SignInCookieAsync(CouncilApp app, string login, string password)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false,
        });
        var response = await client.PostAsJsonAsync("/api/account/sign-in", new { login, password });
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    /// <summary>The next push of one kind, or a timeout: tests wait on the signal, never on a sleep.</summary>
    public static Task<T> Next<T>(this HubConnection connection, string method, Func<T, bool>? where = null)
    {
        var arrived = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? subscription = null;
        subscription = connection.On<T>(method, value =>
        {
            if (where is not null && !where(value)) return;
            arrived.TrySetResult(value);
            subscription?.Dispose();
        });
        return arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
