using System.Net;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.ScaleOut;

/// <summary>
/// The race a shared store leaves open: a pause made on A reaches B only after B has already emitted events past the
/// instant of the pause (B's delivery is held here, as a slow publish would hold it). B then restores a fresh copy from
/// the stored snapshot; a stream that was not yet sent anything past the point where the two differ carries on
/// seamlessly, and one that was is told to start again with a <c>reset</c> event.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class DivergenceTests(RedisFixture redis)
{
    [Fact]
    public async Task PauseReachesBLate_AStreamAlreadySentPastIt_EndsWithReset_AndStartingAgainGivesTheStoredSession()
    {
        var clock = new LockedHistoricalScheduler(VirtualTimeWebFactory.Epoch);
        var prefix = RedisFixture.NewPrefix();
        using var a = KestrelWebHost.OnRedis(redis.Server, prefix, clock);
        using var b = KestrelWebHost.OnRedis(redis.Server, prefix, clock);
        using var httpA = a.ClientFrom();
        using var httpB = b.ClientFrom();
        var session = await WebApi.StartAsync(httpA, """{ "notation": "1-1", "cycles": 5 }""");
        var id = session.GetProperty("id").GetString()!;
        var url = session.GetProperty("eventsUrl").GetString()!;
        var onB = await SseClient.ConnectAsync(httpB, url);
        await Instances.AdvanceAsync(clock, 2.5, 0.5, a, b);
        var before = await onB.ReadAsync(5); // started, inhale, exhale, cycle 0, inhale

        using (b.Registry.HoldChanges())
        {
            (await httpA.PostAsync($"/api/sessions/{id}/pause", null)).StatusCode.Should().Be(HttpStatusCode.OK); // at 2.5 s
            await Instances.AdvanceAsync(clock, 1, 0.5, a, b);
            (await onB.NextAsync())!.ToString().Should().Be("5 PhaseStarted 3000", "B has not heard of the pause yet and sends the exhale at 3 s");
        }

        var reset = await onB.NextAsync();
        reset!.Name.Should().Be("reset");
        reset.Data.GetProperty("lastGoodSequence").GetInt64().Should().Be(4, "events up to the inhale at 2 s agree; the 6th is the pause, not the exhale");
        reset.Data.GetProperty("reason").GetString().Should().NotBeNullOrWhiteSpace();
        (await onB.NextAsync()).Should().BeNull("the stream ends after the reset");
        await onB.DisposeAsync();
        b.Registry.StreamStatistics.Reset.Should().Be(1);

        // The page discards its picture and connects again from the start (no Last-Event-ID).
        await using var again = await SseClient.ConnectAsync(httpB, url);
        (await httpA.PostAsync($"/api/sessions/{id}/resume", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await Instances.SettledAsync(id, a, b);
        await Instances.AdvanceAsync(clock, 15, 1, a, b);
        var whole = await again.ReadToEndAsync();
        Instances.Lines(whole.Take(5)).Should().Equal(Instances.Lines(before));
        whole[5].ToString().Should().Be("5 SessionPaused 2500");
        whole[6].Name.Should().Be("SessionResumed");
        whole.Select(e => long.Parse(e.Id)).Should().Equal(Enumerable.Range(0, whole.Count).Select(i => (long)i));

        await using var fromA = await SseClient.ConnectAsync(httpA, url);
        Instances.Lines(await fromA.ReadToEndAsync()).Should().Equal(Instances.Lines(whole), "B now streams exactly the stored session");
    }

    [Fact]
    public async Task PauseReachesBLate_AStreamNotYetSentPastIt_CarriesOnSeamlessly()
    {
        var clock = new LockedHistoricalScheduler(VirtualTimeWebFactory.Epoch);
        var prefix = RedisFixture.NewPrefix();
        using var a = KestrelWebHost.OnRedis(redis.Server, prefix, clock);
        using var b = KestrelWebHost.OnRedis(redis.Server, prefix, clock, ("StreamBufferEvents", "100000"), ("StreamStallTimeout", "01:00:00"));
        using var httpA = a.ClientFrom();
        using var slowHttp = b.ClientFrom(receiveBufferBytes: 2048, timeout: Timeout.InfiniteTimeSpan);
        var session = await WebApi.StartAsync(httpA, """{ "notation": "1-1", "cycles": 400 }""");
        var id = session.GetProperty("id").GetString()!;
        var url = session.GetProperty("eventsUrl").GetString()!;
        var slow = await SseClient.ConnectAsync(slowHttp, url);
        await Instances.AdvanceAsync(clock, 1.5, 0.5, a, b);
        var received = await slow.ReadAsync(3);

        // The client stops reading: its socket fills and B's writer waits, while events pile up in B's buffer.
        var advanced = 0;
        while (b.Registry.StreamStatistics.Waiting == 0)
        {
            advanced.Should().BeLessThan(600, "a client that stops reading makes the writer wait within minutes of events");
            await Instances.AdvanceAsync(clock, 10, 10, a, b);
            advanced += 10;
            await Eventually.HoldsAsync(() => b.Registry.BufferedEvents == 0 || b.Registry.StreamStatistics.Waiting > 0, "the writer has caught up or waits");
        }

        var pauseAt = clock.Now - VirtualTimeWebFactory.Epoch;
        using (b.Registry.HoldChanges())
        {
            (await httpA.PostAsync($"/api/sessions/{id}/pause", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            var buffered = b.Registry.BufferedEvents;
            await Instances.AdvanceAsync(clock, 3, 0.5, a, b);
            b.Registry.BufferedEvents.Should().BeGreaterThan(buffered, "B ran on past the pause, into the buffer its client has not taken");
        }

        await Instances.SettledAsync(id, a, b);
        b.Registry.StreamStatistics.ContinuedOnFreshCopy.Should().Be(1, "nothing past the pause had reached the client");
        b.Registry.StreamStatistics.Reset.Should().Be(0);

        (await httpA.PostAsync($"/api/sessions/{id}/resume", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await Instances.SettledAsync(id, a, b);
        var reading = Task.Run(async () => received.AddRange(await slow.ReadToEndAsync(TimeSpan.FromSeconds(60))));
        for (var waited = 0; !reading.IsCompleted; waited += 20)
        {
            waited.Should().BeLessThan(1000, "the session ends within its 800 s");
            await Instances.AdvanceAsync(clock, 20, 20, a, b);
            await Task.WhenAny(reading, Task.Delay(50));
        }

        await reading;
        await slow.DisposeAsync();

        received.Select(e => long.Parse(e.Id)).Should().Equal(Enumerable.Range(0, received.Count).Select(i => (long)i), "every event exactly once across the switch");
        received.Where(e => e.Name == "SessionPaused").Should().ContainSingle().Which.OffsetMs.Should().Be(pauseAt.TotalMilliseconds);
        received[^1].Name.Should().Be("SessionCompleted");
        await using var fromA = await SseClient.ConnectAsync(httpA, url);
        Instances.Lines(await fromA.ReadToEndAsync()).Should().Equal(Instances.Lines(received), "the client got exactly the stored session");
    }
}
