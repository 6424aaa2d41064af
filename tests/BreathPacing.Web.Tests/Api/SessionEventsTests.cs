using System.Net;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Api;

public sealed class SessionEventsTests : IDisposable
{
    // Three-Part Breath at 2 s per inhale and exhale: three 2/3 s segments each way, one cycle = 4 s.
    private const string OneCycle = """{ "techniqueId": "three-part-breath", "seconds": 2, "cycles": 1 }""";

    private static readonly string[] ExpectedOneCycle =
    [
        "0 SessionStarted 0", "1 PhaseStarted 0", "2 SegmentStarted 0", "3 SegmentStarted 666.667", "4 SegmentStarted 1333.333",
        "5 PhaseStarted 2000", "6 SegmentStarted 2000", "7 SegmentStarted 2666.667", "8 SegmentStarted 3333.333",
        "9 CycleCompleted 4000", "10 SessionCompleted 4000",
    ];

    private readonly VirtualTimeWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Events_LiveSession_StreamsEveryEngineEventInOrderStampedAtItsIdealInstant()
    {
        var client = _factory.CreateClient();
        var session = await WebApi.StartAsync(client, OneCycle);
        var id = session.GetProperty("id").GetString()!;
        var connecting = SseClient.ConnectAsync(client, session.GetProperty("eventsUrl").GetString()!);
        await Eventually.HoldsAsync(() => _factory.Registry.Find(id)!.ConnectedClients == 1, "the stream is attached");

        _factory.AdvanceBy(10);
        await using var sse = await connecting;
        sse.Response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var events = await sse.ReadToEndAsync();

        events.Select(e => e.ToString()).Should().Equal(ExpectedOneCycle);
        events.Should().OnlyContain(e => Math.Abs((e.ServerTime - VirtualTimeWebFactory.Epoch).TotalMilliseconds - e.OffsetMs) < 0.001,
            "each event is sent the moment the engine emits it, at its ideal instant on the server's clock");
        events.Should().OnlyContain(e => e.Data.GetProperty("sequence").GetInt64().ToString() == e.Id);
    }

    [Fact]
    public async Task Events_PayloadsCarryTheEventFields()
    {
        var client = _factory.CreateClient();
        var session = await WebApi.StartAsync(client, OneCycle);
        _factory.AdvanceBy(10);
        await using var sse = await SseClient.ConnectAsync(client, session.GetProperty("eventsUrl").GetString()!);
        var events = await sse.ReadToEndAsync();

        var started = events[0].Data;
        started.GetProperty("name").GetString().Should().Be("Three-Part Breath");
        started.GetProperty("totalCycles").GetInt32().Should().Be(1);
        started.GetProperty("totalDurationMs").GetDouble().Should().Be(4000);

        var exhale = events[5].Data;
        exhale.GetProperty("phaseKind").GetString().Should().Be("exhale");
        exhale.GetProperty("durationMs").GetDouble().Should().Be(2000);
        exhale.GetProperty("cycleIndex").GetInt32().Should().Be(0);

        events.Where(e => e.Name == "SegmentStarted").Select(e => e.Data.GetProperty("region").GetString())
            .Should().Equal("lower-belly", "upper-belly", "chest", "chest", "upper-belly", "lower-belly");

        var completed = events[^1].Data;
        completed.GetProperty("completedCycles").GetInt32().Should().Be(1);
        completed.GetProperty("endedEarly").GetBoolean().Should().BeFalse();
        completed.GetProperty("activeTimeMs").GetDouble().Should().Be(4000);
        completed.GetProperty("selfCare").GetProperty("name").GetString().Should().NotBeNullOrWhiteSpace();
        completed.GetProperty("selfCare").GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Events_PhaseAndSegmentEventsCarryTheirCueText()
    {
        var client = _factory.CreateClient();
        var session = await WebApi.StartAsync(client, OneCycle);
        _factory.AdvanceBy(10);
        await using var sse = await SseClient.ConnectAsync(client, session.GetProperty("eventsUrl").GetString()!);
        var events = await sse.ReadToEndAsync();

        var cued = events.Where(e => e.Name is "PhaseStarted" or "SegmentStarted").ToList();
        cued.Should().HaveCount(8);
        cued.Should().OnlyContain(e => !string.IsNullOrWhiteSpace(e.Data.GetProperty("cue").GetString()));
        cued.Select(e => e.Data.GetProperty("cue").GetString()).Distinct().Should().HaveCountGreaterThan(4, "each region has its own cue");
    }

    [Fact]
    public async Task Events_LastEventIdAfterDisconnect_DeliversEveryLaterEventExactlyOnce()
    {
        var client = _factory.CreateClient();
        var session = await WebApi.StartAsync(client, OneCycle);
        var url = session.GetProperty("eventsUrl").GetString()!;
        var id = session.GetProperty("id").GetString()!;

        var connecting = SseClient.ConnectAsync(client, url);
        await Eventually.HoldsAsync(() => _factory.Registry.Find(id)!.ConnectedClients == 1, "the first stream is attached");
        _factory.AdvanceBy(1);
        var first = await connecting;
        var before = await first.ReadAsync(4); // started, inhale, lower belly, upper belly
        await first.DisposeAsync();
        await Eventually.HoldsAsync(() => _factory.Registry.Find(id)!.ConnectedClients == 0, "the first stream is detached");

        _factory.AdvanceBy(2); // events 4..8 happen while no one listens
        await using var second = await SseClient.ConnectAsync(client, url, lastEventId: before[^1].Id);
        _factory.AdvanceBy(10);
        var after = await second.ReadToEndAsync();

        before.Concat(after).Select(e => e.ToString()).Should().Equal(ExpectedOneCycle);
    }

    [Fact]
    public async Task Events_LastEventIdOfTheFinalEvent_EndsAtOnceWithNothing()
    {
        var client = _factory.CreateClient();
        var session = await WebApi.StartAsync(client, OneCycle);
        _factory.AdvanceBy(10);
        await using var sse = await SseClient.ConnectAsync(client, session.GetProperty("eventsUrl").GetString()!, lastEventId: "10");

        (await sse.ReadToEndAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task PauseAndResume_ExcludeThePauseFromActiveTimeAndAreStreamed()
    {
        var client = _factory.CreateClient();
        var session = await WebApi.StartAsync(client, OneCycle);
        var id = session.GetProperty("id").GetString()!;
        var connecting = SseClient.ConnectAsync(client, session.GetProperty("eventsUrl").GetString()!);
        await Eventually.HoldsAsync(() => _factory.Registry.Find(id)!.ConnectedClients == 1, "the stream is attached");

        _factory.AdvanceBy(1);
        await using var sse = await connecting;
        var pause = await client.PostAsync($"/api/sessions/{id}/pause", null);
        pause.StatusCode.Should().Be(HttpStatusCode.OK);
        (await pause.Content.ReadAsStringAsync()).Should().Contain("\"state\":\"paused\"").And.Contain("\"elapsedMs\":1000");
        _factory.AdvanceBy(5);
        (await client.PostAsync($"/api/sessions/{id}/resume", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        _factory.AdvanceBy(10);
        var events = await sse.ReadToEndAsync();

        events.Select(e => e.ToString()).Should().Equal(
            "0 SessionStarted 0", "1 PhaseStarted 0", "2 SegmentStarted 0", "3 SegmentStarted 666.667", "4 SessionPaused 1000",
            "5 SessionResumed 1000", "6 SegmentStarted 1333.333", "7 PhaseStarted 2000", "8 SegmentStarted 2000",
            "9 SegmentStarted 2666.667", "10 SegmentStarted 3333.333", "11 CycleCompleted 4000", "12 SessionCompleted 4000");
        events[5].Data.GetProperty("pausedForMs").GetDouble().Should().Be(5000);
        events[^1].ServerTime.Should().Be(VirtualTimeWebFactory.Epoch + TimeSpan.FromSeconds(9), "4 s of breathing plus a 5 s pause");
        events[^1].Data.GetProperty("pausedTimeMs").GetDouble().Should().Be(5000);
    }

    [Fact]
    public async Task Delete_EndsTheStreamEarlyAndForgetsTheSession()
    {
        var client = _factory.CreateClient();
        var session = await WebApi.StartAsync(client, OneCycle);
        var id = session.GetProperty("id").GetString()!;
        var connecting = SseClient.ConnectAsync(client, session.GetProperty("eventsUrl").GetString()!);
        await Eventually.HoldsAsync(() => _factory.Registry.Find(id)!.ConnectedClients == 1, "the stream is attached");
        _factory.AdvanceBy(1);
        await using var sse = await connecting;
        var engine = _factory.Registry.Find(id)!.Session;

        (await client.DeleteAsync($"/api/sessions/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var events = await sse.ReadToEndAsync();

        events[^1].Name.Should().Be("SessionCompleted");
        events[^1].Data.GetProperty("endedEarly").GetBoolean().Should().BeTrue();
        events[^1].OffsetMs.Should().Be(1000);
        engine.State.Should().Be(BreathSessionState.Completed);
        _factory.Registry.Find(id).Should().BeNull();
        (await client.GetAsync($"/api/sessions/{id}/events")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"/api/sessions/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PauseAfterCompletion_IsAConflict()
    {
        var client = _factory.CreateClient();
        var id = (await WebApi.StartAsync(client, OneCycle)).GetProperty("id").GetString()!;
        _factory.AdvanceBy(10);

        var response = await client.PostAsync($"/api/sessions/{id}/pause", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await WebApi.ProblemAsync(response);
    }
}
