using BreathPacing.Web.Tests.Support;
using Xunit.Abstractions;

namespace BreathPacing.Web.Tests.Hostile;

/// <summary>
/// Clients that read slowly or not at all, against real Kestrel sockets; the server's clock is virtual, so events,
/// heartbeats and the stall timeout happen when the test says. The only real waiting is for the server's threads to
/// write what is due (bounded, tolerant).
/// </summary>
[Collection(MemoryMeasurements.Name)]
public sealed class SlowClientTests(ITestOutputHelper output)
{
    // 1 s inhale, 1 s exhale: three events every 2 s.
    private const string Long = """{ "notation": "1-1", "cycles": 3000 }""";

    [Fact]
    public async Task StalledClient_IsDroppedOnceItHasTakenNothingForTheStallTimeout()
    {
        // A buffer too large to overflow here, so only the stall timeout can drop the client.
        using var host = new KestrelWebHost([.. KestrelWebHost.Generous, ("StreamBufferEvents", "100000"), ("StreamStallTimeout", "00:00:30")]);
        using var http = host.ClientFrom();
        var id = (await WebApi.StartAsync(http, Long)).GetProperty("id").GetString()!;
        using var frozen = await host.ConnectNeverReadingAsync($"/api/sessions/{id}/events");
        await Eventually.HoldsAsync(() => host.Registry.Streams.Taken == 1, "the stream is open");

        var advanced = await AdvanceUntilTheServerWaitsAsync(host);
        output.WriteLine($"the first write waited for the client after {advanced} s of events ({host.Registry.Find(id)!.EventCount} events)");

        host.AdvanceBy(29);
        await Task.Delay(200);
        host.Registry.Streams.Taken.Should().Be(1, "29 s is within the stall timeout");

        host.AdvanceBy(2);
        await Eventually.HoldsAsync(() => host.Registry.Streams.Taken == 0, "the stalled client is dropped");
        host.Registry.StreamStatistics.DroppedStalled.Should().Be(1);
        host.Registry.BufferedEvents.Should().Be(0);
        host.Registry.Find(id)!.Session.State.Should().Be(BreathSessionState.Running, "the session waits for the client to resume");
    }

    [Fact]
    public async Task SlowReader_FallingBehindItsBuffer_IsDroppedAndResumesWithLastEventIdMissingNothing()
    {
        // The stall timeout is out of the way: only the buffer (16 live events) can drop this client.
        using var host = new KestrelWebHost([.. KestrelWebHost.Generous, ("StreamBufferEvents", "16"), ("StreamStallTimeout", "01:00:00")]);
        using var http = host.ClientFrom(receiveBufferBytes: 2048, timeout: Timeout.InfiniteTimeSpan);
        var session = await WebApi.StartAsync(http, """{ "notation": "1-1", "cycles": 600 }"""); // 1,802 events over 20 minutes
        var id = session.GetProperty("id").GetString()!;
        var url = session.GetProperty("eventsUrl").GetString()!;
        var held = host.Registry.Find(id)!;

        var received = new List<SseEvent>();
        var slow = await SseClient.ConnectAsync(http, url);
        host.AdvanceBy(1.5);
        received.AddRange(await slow.ReadAsync(3));

        // It stops reading: the socket fills, then the server waits, then its buffer fills.
        await AdvanceUntilTheServerWaitsAsync(host);
        host.AdvanceBy(12); // 18 more events than it takes
        await Eventually.HoldsAsync(() => host.Registry.Streams.Taken == 0, "the client that fell behind is dropped");
        host.Registry.StreamStatistics.DroppedBehind.Should().Be(1);
        host.Registry.StreamStatistics.DroppedStalled.Should().Be(0);
        held.BufferedEvents.Should().Be(0, "its buffer is released with it");

        // What reached its socket before the drop is still readable; then the stream breaks.
        try
        {
            while (await slow.NextAsync(TimeSpan.FromSeconds(5)) is { } e)
            {
                received.Add(e);
            }
        }
        catch (IOException)
        {
            // The connection was reset.
        }
        catch (HttpRequestException)
        {
        }

        await slow.DisposeAsync();
        received.Should().HaveCountLessThan(held.EventCount, "it was dropped before it had everything");

        // It reconnects with the last id it has, reading as it should this time.
        await using var again = await SseClient.ConnectAsync(http, url, lastEventId: received[^1].Id);
        var reading = again.ReadToEndAsync(TimeSpan.FromSeconds(30));
        await host.AdvanceInStepsAsync(1300, 10, () => held.BufferedEvents == 0, "the reader keeps up");
        received.AddRange(await reading);

        received.Select(e => long.Parse(e.Id)).Should().Equal(Enumerable.Range(0, held.EventCount).Select(i => (long)i),
            "every event arrives exactly once across the drop");
        received[^1].Name.Should().Be("SessionCompleted");
    }

    [Fact]
    public async Task NeverReadingClients_AreDroppedAndTheirMemoryFreed_WhileAReaderIsServed()
    {
        const int frozenClients = 20;
        using var host = new KestrelWebHost([.. KestrelWebHost.Generous, ("StreamStallTimeout", "00:00:30")]);
        using var http = host.ClientFrom(timeout: Timeout.InfiniteTimeSpan);

        // Two rounds warm what is pooled or compiled once (Kestrel's buffers, tiered JIT); after that, rounds of frozen
        // clients must leave the managed heap where it was: nothing of a dropped client or a stopped session is kept.
        await FrozenClientsRoundAsync(host, http, frozenClients);
        await FrozenClientsRoundAsync(host, http, frozenClients);
        var baseline = ManagedBytes();
        var third = await FrozenClientsRoundAsync(host, http, frozenClients);
        var fourth = await FrozenClientsRoundAsync(host, http, frozenClients);
        var after = ManagedBytes();

        output.WriteLine($"round 3: {third}");
        output.WriteLine($"round 4: {fourth}");
        output.WriteLine($"managed heap after two warm-up rounds {baseline / 1024} KiB; at round 3's fullest {third.PeakBytes / 1024} KiB "
            + $"(+{(third.PeakBytes - baseline) / (frozenClients + 1) / 1024} KiB per session with its stream, its history included); after rounds 3 and 4 {after / 1024} KiB");
        (after - baseline).Should().BeLessThan(1024 * 1024, $"two more rounds of {frozenClients} frozen clients leave nothing behind (tolerance 1 MiB)");
    }

    private async Task<Round> FrozenClientsRoundAsync(KestrelWebHost host, HttpClient http, int frozenClients)
    {
        var reader = await WebApi.StartAsync(http, Long);
        var readerSession = host.Registry.Find(reader.GetProperty("id").GetString()!)!;
        var good = await SseClient.ConnectAsync(http, reader.GetProperty("eventsUrl").GetString()!);
        var goodEvents = new List<SseEvent>();
        var reading = Task.Run(async () =>
        {
            while (await good.NextAsync(TimeSpan.FromSeconds(60)) is { } e)
            {
                lock (goodEvents)
                {
                    goodEvents.Add(e);
                }
            }
        });

        var frozen = new List<System.Net.Sockets.Socket>();
        for (var i = 0; i < frozenClients; i++)
        {
            var id = (await WebApi.StartAsync(http, Long)).GetProperty("id").GetString()!;
            frozen.Add(await host.ConnectNeverReadingAsync($"/api/sessions/{id}/events", from: $"127.0.1.{i + 1}"));
        }

        await Eventually.HoldsAsync(() => host.Registry.Streams.Taken == frozenClients + 1, "every stream is open");

        // Run the sessions until every frozen client has been dropped, keeping the reader served throughout.
        var statistics = host.Registry.StreamStatistics;
        var dropsBefore = statistics.DroppedStalled + statistics.DroppedBehind;
        long peak = 0, peakBuffered = 0;
        var advanced = 0;
        while (host.Registry.Streams.Taken > 1)
        {
            advanced.Should().BeLessThan(3000, "frozen clients must be dropped within minutes of session time");
            host.AdvanceBy(10);
            advanced += 10;
            await Eventually.HoldsAsync(() => readerSession.BufferedEvents == 0, "the reader keeps up");
            peakBuffered = Math.Max(peakBuffered, host.Registry.BufferedEvents);
            if (statistics.Waiting >= frozenClients - 2)
            {
                peak = Math.Max(peak, ManagedBytes());
            }
        }

        (statistics.DroppedStalled + statistics.DroppedBehind - dropsBefore).Should().Be(frozenClients);
        peakBuffered.Should().BeLessThanOrEqualTo((frozenClients + 1) * 64L, "each stream holds at most its buffer");
        host.Registry.BufferedEvents.Should().Be(0, "a dropped client's buffer goes with it");
        readerSession.ConnectedClients.Should().Be(1, "the reader was never dropped");
        lock (goodEvents)
        {
            goodEvents.Select(e => long.Parse(e.Id)).Should().Equal(Enumerable.Range(0, readerSession.EventCount).Select(i => (long)i),
                "the reader got every event, in order, while the others were dropped");
        }

        foreach (var socket in frozen)
        {
            socket.Dispose();
        }

        foreach (var id in host.Registry.AllIds())
        {
            (await http.DeleteAsync($"/api/sessions/{id}")).EnsureSuccessStatusCode();
        }

        await reading;
        await good.DisposeAsync();
        await Eventually.HoldsAsync(() => host.Registry.Count == 0 && host.Registry.Streams.Taken == 0, "every session and stream is gone");

        // A virtual-time scheduler keeps cancelled timers queued until their due time: let them pass.
        host.AdvanceBy(3600);
        return new Round(advanced, peak, peakBuffered, statistics.DroppedStalled, statistics.DroppedBehind);
    }

    private sealed record Round(int SessionSeconds, long PeakBytes, long PeakBufferedEvents, long DroppedStalledSoFar, long DroppedBehindSoFar);

    /// <summary>Advances in 10 s steps until a write waits for a client; returns the seconds advanced.</summary>
    private static async Task<int> AdvanceUntilTheServerWaitsAsync(KestrelWebHost host)
    {
        var advanced = 0;
        while (host.Registry.StreamStatistics.Waiting == 0)
        {
            advanced.Should().BeLessThan(2000, "a client that never reads must make the server wait within minutes of events");
            host.AdvanceBy(10);
            advanced += 10;
            await Eventually.HoldsAsync(() => host.Registry.BufferedEvents == 0 || host.Registry.StreamStatistics.Waiting > 0, "the writer has caught up or waits");
        }

        return advanced;
    }

    /// <summary>The live managed heap after a full, compacting collection.</summary>
    private static long ManagedBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return info.HeapSizeBytes - info.FragmentedBytes;
    }
}

/// <summary>Tests that read the process's managed heap run alone, so other tests' allocations do not blur it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements";
}
