using System.Net;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.ScaleOut;

/// <summary>A single instance on Redis is stopped and started again mid-session: its client reconnects and carries on.</summary>
[Collection(RedisCollection.Name)]
public sealed class RestartTests(RedisFixture redis)
{
    [Fact]
    public async Task InstanceRestartsMidSession_TheClientReconnectsWithLastEventId_AndCarriesOnToTheEnd()
    {
        var clock = new LockedHistoricalScheduler(VirtualTimeWebFactory.Epoch);
        var prefix = RedisFixture.NewPrefix();
        var first = KestrelWebHost.OnRedis(redis.Server, prefix, clock);
        List<SseEvent> received;
        string url;
        try
        {
            using var http = first.ClientFrom();
            url = (await WebApi.StartAsync(http, """{ "techniqueId": "three-part-breath", "seconds": 2, "cycles": 3 }""")).GetProperty("eventsUrl").GetString()!;
            var sse = await SseClient.ConnectAsync(http, url);
            await Instances.AdvanceAsync(clock, 3, 0.5, first);
            received = await sse.ReadAsync(6);
            first.Dispose(); // mid-session: the stream is cut
            received.AddRange(await Instances.ReadUntilItEndsAsync(sse));
            await sse.DisposeAsync();
        }
        finally
        {
            first.Dispose();
        }

        await Instances.AdvanceAsync(clock, 2, 0.5); // while no instance runs
        using var second = KestrelWebHost.OnRedis(redis.Server, prefix, clock);
        using var again = second.ClientFrom();
        await using var resumed = await SseClient.ConnectAsync(again, url, lastEventId: received[^1].Id);
        resumed.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        await Instances.AdvanceAsync(clock, 10, 1, second);
        received.AddRange(await resumed.ReadToEndAsync());

        received.Select(e => long.Parse(e.Id)).Should().Equal(Enumerable.Range(0, received.Count).Select(i => (long)i), "nothing lost, nothing twice");
        received.Count(e => e.Name == "CycleCompleted").Should().Be(3);
        received[^1].Name.Should().Be("SessionCompleted");
        received[^1].OffsetMs.Should().Be(12000);
        received[^1].Data.GetProperty("endedEarly").GetBoolean().Should().BeFalse();
    }
}
