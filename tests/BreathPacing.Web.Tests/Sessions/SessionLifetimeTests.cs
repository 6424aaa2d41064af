using System.Net;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Sessions;

/// <summary>
/// What "a disconnecting client frees its session's resources" means here: the moment a client disconnects, its
/// subscription and buffer are released (the session counts one client fewer); the session itself then waits
/// <c>IdleTimeout</c> for a reconnect (Last-Event-ID) and, if none comes, is stopped, its timer freed, and
/// forgotten (404), which also frees its place under the session cap.
/// </summary>
public sealed class SessionLifetimeTests : IDisposable
{
    private const string Long = """{ "techniqueId": "ocean", "cycles": 50 }""";

    private readonly VirtualTimeWebFactory _factory = new(
        ("MaxConcurrentSessions", "2"), ("IdleTimeout", "00:01:00"), ("CompletedGracePeriod", "00:00:30"), ("SweepInterval", "00:00:05"));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task StartSession_BeyondTheCap_Is429UntilOneEnds()
    {
        var client = _factory.CreateClient();
        var first = await WebApi.StartAsync(client, Long);
        await WebApi.StartAsync(client, Long);

        var third = await client.PostAsync("/api/sessions", WebApi.Json(Long));

        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await WebApi.ProblemAsync(third)).GetProperty("detail").GetString().Should().Contain("2 sessions");

        await client.DeleteAsync($"/api/sessions/{first.GetProperty("id").GetString()}");
        (await client.PostAsync("/api/sessions", WebApi.Json(Long))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task StartSession_CompletedSessionsDoNotCountTowardTheCap()
    {
        var client = _factory.CreateClient();
        await WebApi.StartAsync(client, """{ "techniqueId": "ocean", "cycles": 1 }""");
        await WebApi.StartAsync(client, """{ "techniqueId": "ocean", "cycles": 1 }""");
        _factory.AdvanceBy(11);

        (await client.PostAsync("/api/sessions", WebApi.Json(Long))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Disconnect_ReleasesTheClientAtOnceAndTheSessionAfterTheIdleTimeout()
    {
        var client = _factory.CreateClient();
        var id = (await WebApi.StartAsync(client, Long)).GetProperty("id").GetString()!;
        var connecting = SseClient.ConnectAsync(client, $"/api/sessions/{id}/events");
        var held = _factory.Registry.Find(id)!;
        await Eventually.HoldsAsync(() => held.ConnectedClients == 1, "the stream is attached");
        _factory.AdvanceBy(1);
        var sse = await connecting;
        await sse.ReadAsync(2);

        await sse.DisposeAsync();
        await Eventually.HoldsAsync(() => held.ConnectedClients == 0, "the disconnect is noticed");
        held.Session.State.Should().Be(BreathSessionState.Running, "the client may still reconnect with Last-Event-ID");

        _factory.AdvanceBy(55);
        _factory.Registry.Find(id).Should().BeSameAs(held, "the idle timeout has not passed yet");

        _factory.AdvanceBy(10);
        _factory.Registry.Find(id).Should().BeNull();
        held.IsDisposed.Should().BeTrue();
        held.Session.State.Should().Be(BreathSessionState.Completed, "its timer is freed");
        (await client.GetAsync($"/api/sessions/{id}/events")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sweep_KeepsASessionWhoseClientStaysConnected()
    {
        var client = _factory.CreateClient();
        var id = (await WebApi.StartAsync(client, Long)).GetProperty("id").GetString()!;
        var connecting = SseClient.ConnectAsync(client, $"/api/sessions/{id}/events");
        await Eventually.HoldsAsync(() => _factory.Registry.Find(id)!.ConnectedClients == 1, "the stream is attached");

        _factory.AdvanceBy(180);
        await using var sse = await connecting;

        _factory.Registry.Find(id).Should().NotBeNull();
        _factory.Registry.Find(id)!.Session.State.Should().Be(BreathSessionState.Running);
    }

    [Fact]
    public async Task Sweep_NeverConnectedSession_ExpiresAfterTheIdleTimeout()
    {
        var client = _factory.CreateClient();
        var id = (await WebApi.StartAsync(client, Long)).GetProperty("id").GetString()!;

        _factory.AdvanceBy(65);

        _factory.Registry.Find(id).Should().BeNull();
        _factory.Registry.Count.Should().Be(0);
    }

    [Fact]
    public async Task Sweep_CompletedSession_StaysReadableForTheGracePeriodThenGoes()
    {
        var client = _factory.CreateClient();
        var id = (await WebApi.StartAsync(client, """{ "techniqueId": "ocean", "cycles": 1 }""")).GetProperty("id").GetString()!;
        var connecting = SseClient.ConnectAsync(client, $"/api/sessions/{id}/events");
        await Eventually.HoldsAsync(() => _factory.Registry.Find(id)!.ConnectedClients == 1, "the stream is attached");
        _factory.AdvanceBy(10); // completes at 10 s
        await using (var sse = await connecting)
        {
            (await sse.ReadToEndAsync()).Select(e => e.Name).Should().Equal("SessionStarted", "PhaseStarted", "PhaseStarted", "CycleCompleted", "SessionCompleted");
        }

        _factory.AdvanceBy(25);
        (await client.GetAsync($"/api/sessions/{id}/events")).StatusCode.Should().Be(HttpStatusCode.OK, "a late client can still read the summary");

        _factory.AdvanceBy(10);
        (await client.GetAsync($"/api/sessions/{id}/events")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Stop_EndsTheStreamEarly_KeepsTheSessionReadableForTheGracePeriod_AndFreesItsPlaceAtOnce()
    {
        var client = _factory.CreateClient();
        var session = await WebApi.StartAsync(client, Long);
        var id = session.GetProperty("id").GetString()!;
        var url = session.GetProperty("eventsUrl").GetString()!;
        await WebApi.StartAsync(client, Long);
        var connecting = SseClient.ConnectAsync(client, url);
        await Eventually.HoldsAsync(() => _factory.Registry.Find(id)!.ConnectedClients == 1, "the stream is attached");
        _factory.AdvanceBy(3);
        await using var sse = await connecting;

        var stop = await client.PostAsync($"/api/sessions/{id}/stop", null);

        stop.StatusCode.Should().Be(HttpStatusCode.OK);
        (await stop.Content.ReadAsStringAsync()).Should().Contain("\"state\":\"completed\"").And.Contain("\"elapsedMs\":3000");
        var events = await sse.ReadToEndAsync();
        events[^1].Name.Should().Be("SessionCompleted");
        events[^1].Data.GetProperty("endedEarly").GetBoolean().Should().BeTrue();
        (await client.PostAsync("/api/sessions", WebApi.Json(Long))).StatusCode.Should().Be(HttpStatusCode.Created, "a stopped session no longer counts under the cap");
        (await client.PostAsync($"/api/sessions/{id}/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK, "stopping an ended session changes nothing");
        (await client.PostAsync($"/api/sessions/{id}/pause", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        _factory.AdvanceBy(25);
        await using (var late = await SseClient.ConnectAsync(client, url))
        {
            (await late.ReadToEndAsync()).Select(e => e.ToString()).Should().Equal(events.Select(e => e.ToString()), "a late client reads the whole session and its summary");
        }

        _factory.AdvanceBy(10);
        (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, "forgotten after the grace period");
    }
}
