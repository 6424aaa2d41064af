using System.Net;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.ScaleOut;

/// <summary>
/// Two instances of the host (real Kestrel, free ports) on one real redis-server, sharing one virtual clock as two
/// servers share real time: any instance serves any session; a control made on one reaches the streams on the other;
/// an instance that stops hands its clients over with nothing lost or repeated; the caps and expiry hold across both.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class TwoInstanceTests(RedisFixture redis)
{
    [Fact]
    public async Task CreateOnA_StreamOnBoth_PauseOnA_ResumeOnB_StopA_ItsClientCarriesOnAtB_NothingLostNothingRepeated()
    {
        var clock = new LockedHistoricalScheduler(VirtualTimeWebFactory.Epoch);
        var prefix = RedisFixture.NewPrefix();
        using var b = KestrelWebHost.OnRedis(redis.Server, prefix, clock);
        var a = KestrelWebHost.OnRedis(redis.Server, prefix, clock);
        try
        {
            using var httpA = a.ClientFrom();
            using var httpB = b.ClientFrom();
            var session = await WebApi.StartAsync(httpA, """{ "notation": "1-1", "cycles": 10 }""");
            var id = session.GetProperty("id").GetString()!;
            var url = session.GetProperty("eventsUrl").GetString()!;
            await using var onB = await SseClient.ConnectAsync(httpB, url);
            var onA = await SseClient.ConnectAsync(httpA, url);
            b.Registry.Find(id).Should().NotBeNull("B restored the session from the store to stream it");

            await Instances.AdvanceAsync(clock, 2.5, 0.5, a, b);
            var fromA = await onA.ReadAsync(5);
            var fromB = await onB.ReadAsync(5);

            (await httpA.PostAsync($"/api/sessions/{id}/pause", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            await Instances.SettledAsync(id, a, b);
            var pausedOnB = await onB.NextAsync();
            pausedOnB!.Name.Should().Be("SessionPaused", "the pause made through A reaches the stream on B");
            pausedOnB.OffsetMs.Should().Be(2500);
            fromB.Add(pausedOnB);
            fromA.Add((await onA.NextAsync())!);

            await Instances.AdvanceAsync(clock, 5, 1, a, b);
            (await httpB.PostAsync($"/api/sessions/{id}/resume", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            await Instances.SettledAsync(id, a, b);
            var resumedOnA = await onA.NextAsync();
            resumedOnA!.Name.Should().Be("SessionResumed", "the resume made through B reaches the stream on A");
            resumedOnA.Data.GetProperty("pausedForMs").GetDouble().Should().Be(5000);
            fromA.Add(resumedOnA);

            await Instances.AdvanceAsync(clock, 2, 0.5, a, b);
            fromA.AddRange(await onA.ReadAsync(3));

            // A stops mid-session (its host shuts down; it writes nothing to the store on the way out). Its client's
            // stream ends; it reconnects to B with the last id it has.
            a.Dispose();
            fromA.AddRange(await Instances.ReadUntilItEndsAsync(onA));
            await onA.DisposeAsync();
            await using var again = await SseClient.ConnectAsync(httpB, url, lastEventId: fromA[^1].Id);
            again.Response.StatusCode.Should().Be(HttpStatusCode.OK);

            await Instances.AdvanceAsync(clock, 20, 2, b);
            fromA.AddRange(await again.ReadToEndAsync());
            fromB.AddRange(await onB.ReadToEndAsync());

            fromB.Select(e => long.Parse(e.Id)).Should().Equal(Enumerable.Range(0, fromB.Count).Select(i => (long)i), "B's client got every event once, in order");
            Instances.Lines(fromA).Should().Equal(Instances.Lines(fromB), "A's client, handed over to B, got exactly the same events: none lost, none twice");
            fromB[^1].Name.Should().Be("SessionCompleted");
            fromB[^1].Data.GetProperty("endedEarly").GetBoolean().Should().BeFalse();
            fromB[^1].Data.GetProperty("pausedTimeMs").GetDouble().Should().Be(5000);
            fromB.Where(e => e.Name == "CycleCompleted").Should().HaveCount(10);
        }
        finally
        {
            a.Dispose();
        }
    }

    [Fact]
    public async Task Caps_HoldAcrossBothInstances()
    {
        var clock = new LockedHistoricalScheduler(VirtualTimeWebFactory.Epoch);
        var prefix = RedisFixture.NewPrefix();
        (string, string)[] caps = [("MaxConcurrentSessions", "3"), ("MaxSessionsPerClient", "2")];
        using var a = KestrelWebHost.OnRedis(redis.Server, prefix, clock, caps);
        using var b = KestrelWebHost.OnRedis(redis.Server, prefix, clock, caps);
        const string Long = """{ "notation": "4-4", "cycles": 100 }""";
        using var oneOnA = a.ClientFrom("127.0.0.21");
        using var oneOnB = b.ClientFrom("127.0.0.21");
        using var twoOnB = b.ClientFrom("127.0.0.22");
        using var threeOnA = a.ClientFrom("127.0.0.23");
        using var threeOnB = b.ClientFrom("127.0.0.23");

        var first = (await WebApi.StartAsync(oneOnA, Long)).GetProperty("id").GetString()!;
        await WebApi.StartAsync(oneOnB, Long);
        var third = await oneOnA.PostAsync("/api/sessions", WebApi.Json(Long));
        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await ProblemShape.AssertAsync(third)).GetProperty("detail").GetString().Should().Contain("maximum of 2 running sessions", "one client's sessions on A and B count together");

        await WebApi.StartAsync(twoOnB, Long);
        foreach (var refused in new[] { await threeOnA.PostAsync("/api/sessions", WebApi.Json(Long)), await threeOnB.PostAsync("/api/sessions", WebApi.Json(Long)) })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
            (await ProblemShape.AssertAsync(refused)).GetProperty("detail").GetString().Should().Contain("maximum of 3 sessions", "the cap counts the sessions of both instances");
        }

        a.Registry.ActiveCount.Should().Be(3);
        b.Registry.ActiveCount.Should().Be(3);

        // Stopping a session started on A, through B, frees its place for everyone at once.
        (await oneOnB.PostAsync($"/api/sessions/{first}/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await threeOnA.PostAsync("/api/sessions", WebApi.Json(Long))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await threeOnB.PostAsync("/api/sessions", WebApi.Json(Long))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Expiry_HoldsAcrossInstances_AStreamOnBKeepsASessionStartedOnAAlive_ThenItGoesEverywhere()
    {
        var clock = new LockedHistoricalScheduler(VirtualTimeWebFactory.Epoch);
        var prefix = RedisFixture.NewPrefix();
        (string, string)[] lifetime = [("IdleTimeout", "00:01:00"), ("CompletedGracePeriod", "00:00:30"), ("SweepInterval", "00:00:05")];
        using var a = KestrelWebHost.OnRedis(redis.Server, prefix, clock, lifetime);
        using var b = KestrelWebHost.OnRedis(redis.Server, prefix, clock, lifetime);
        using var httpA = a.ClientFrom();
        using var httpB = b.ClientFrom();
        var session = await WebApi.StartAsync(httpA, """{ "notation": "1-1", "cycles": 1000 }""");
        var id = session.GetProperty("id").GetString()!;

        var reading = await SseClient.ConnectAsync(httpB, session.GetProperty("eventsUrl").GetString()!);
        var events = new List<SseEvent>();
        var reader = Task.Run(async () => events.AddRange(await Instances.ReadUntilItEndsAsync(reading)));
        await Instances.AdvanceAsync(clock, 150, 5, a, b);

        (await a.Registry.Store.GetAsync(id, clock.Now)).Should().NotBeNull("a client streams it on B, so it is not idle, though no client ever streamed it on A");
        a.Registry.Find(id).Should().BeNull("A let its own copy go: no client streamed it there");

        await reading.DisposeAsync();
        await reader;
        await Eventually.HoldsAsync(() => b.Registry.Find(id)?.ConnectedClients == 0, "B notices the client leave");
        await Instances.IdleAsync(a, b);
        await Instances.AdvanceAsync(clock, 55, 5, a, b);
        using (var stillThere = await httpA.GetAsync($"/api/sessions/{id}/events", HttpCompletionOption.ResponseHeadersRead))
        {
            stillThere.StatusCode.Should().Be(HttpStatusCode.OK, "55 s after the client left it is still there (and this client, on A, is activity too)");
        }

        await Eventually.HoldsAsync(() => a.Registry.Find(id)?.ConnectedClients == 0, "A notices that client leave");
        await Instances.IdleAsync(a, b);
        await Instances.AdvanceAsync(clock, 55, 5, a, b);
        (await a.Registry.Store.GetAsync(id, clock.Now)).Should().NotBeNull();
        await Instances.AdvanceAsync(clock, 10, 5, a, b);
        (await httpA.GetAsync($"/api/sessions/{id}/events")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await httpB.GetAsync($"/api/sessions/{id}/events")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await httpB.PostAsync($"/api/sessions/{id}/pause", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StopOnB_ASessionStartedOnA_StaysReadableEverywhereForTheGracePeriod_ThenGoes()
    {
        var clock = new LockedHistoricalScheduler(VirtualTimeWebFactory.Epoch);
        var prefix = RedisFixture.NewPrefix();
        (string, string)[] lifetime = [("CompletedGracePeriod", "00:00:30"), ("SweepInterval", "00:00:05")];
        using var a = KestrelWebHost.OnRedis(redis.Server, prefix, clock, lifetime);
        using var b = KestrelWebHost.OnRedis(redis.Server, prefix, clock, lifetime);
        using var httpA = a.ClientFrom();
        using var httpB = b.ClientFrom();
        var session = await WebApi.StartAsync(httpA, """{ "techniqueId": "ocean", "cycles": 5 }""");
        var id = session.GetProperty("id").GetString()!;
        var url = session.GetProperty("eventsUrl").GetString()!;
        await using var onA = await SseClient.ConnectAsync(httpA, url);
        await Instances.AdvanceAsync(clock, 3, 1, a, b);

        var stop = await httpB.PostAsync($"/api/sessions/{id}/stop", null);
        stop.StatusCode.Should().Be(HttpStatusCode.OK, "B has no copy of the session: it changes the stored snapshot");
        (await stop.Content.ReadAsStringAsync()).Should().Contain("\"state\":\"completed\"").And.Contain("\"elapsedMs\":3000");
        var ended = await onA.ReadToEndAsync();
        ended[^1].Name.Should().Be("SessionCompleted", "the stop made on B ends the stream on A");
        ended[^1].Data.GetProperty("endedEarly").GetBoolean().Should().BeTrue();
        ended[^1].OffsetMs.Should().Be(3000);

        await Instances.AdvanceAsync(clock, 20, 5, a, b);
        await using (var late = await SseClient.ConnectAsync(httpB, url))
        {
            var replay = await late.ReadToEndAsync();
            replay[^1].Name.Should().Be("SessionCompleted", "a late client on B reads the whole session and its summary");
            Instances.Lines(replay).Should().Equal(Instances.Lines(ended));
        }

        var record = await httpB.PostAsync("/api/practice/record", WebApi.Json($$"""{ "sessionId": "{{id}}", "utcOffsetMinutes": 0 }"""));
        record.StatusCode.Should().Be(HttpStatusCode.OK, "the practice record can be made after a stop, on any instance");

        await Instances.AdvanceAsync(clock, 15, 5, a, b);
        (await httpA.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await httpB.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
