using System.Net;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.ScaleOut;

/// <summary>
/// Redis goes away and comes back (its own server here, killed and started again with its data): /healthz says
/// unhealthy, new sessions answer 503 with a problem document, open streams end with an <c>unavailable</c> event instead
/// of hanging; once Redis is back the same host recovers, with no restart, and the client carries on.
/// </summary>
public sealed class RedisOutageTests : IDisposable
{
    private readonly RedisServer _redis = new();

    public void Dispose() => _redis.Dispose();

    [Fact]
    public async Task RedisDown_UnhealthyAnd503_StreamsEndWithUnavailable_RedisBack_TheHostRecoversAndTheClientCarriesOn()
    {
        var clock = new LockedHistoricalScheduler(VirtualTimeWebFactory.Epoch);
        using var host = KestrelWebHost.OnRedis(_redis, RedisFixture.NewPrefix(), clock);
        using var http = host.ClientFrom();
        (await http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        var url = (await WebApi.StartAsync(http, """{ "notation": "1-1", "cycles": 5 }""")).GetProperty("eventsUrl").GetString()!;
        var sse = await SseClient.ConnectAsync(http, url);
        await Instances.AdvanceAsync(clock, 2.5, 0.5, host);
        var received = await sse.ReadAsync(5);

        _redis.Kill();

        var unavailable = await sse.NextAsync();
        unavailable!.Name.Should().Be("unavailable", "an open stream is told, not left hanging");
        unavailable.Data.GetProperty("retryAfterMs").GetDouble().Should().BeGreaterThan(0);
        (await sse.NextAsync()).Should().BeNull("and then it ends");
        await sse.DisposeAsync();

        await Eventually.HoldsAsync(() => http.GetAsync("/healthz").Result.StatusCode == HttpStatusCode.ServiceUnavailable, "/healthz reports unhealthy");
        var refused = await http.PostAsync("/api/sessions", WebApi.Json("""{ "notation": "1-1", "cycles": 5 }"""));
        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ProblemShape.AssertAsync(refused, "a session started while the store is down")).GetProperty("detail").GetString().Should().Contain("store");
        var reconnect = await http.GetAsync(url);
        reconnect.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        await ProblemShape.AssertAsync(reconnect, "a stream opened while the store is down");

        _redis.Start();

        await Eventually.HoldsAsync(() => http.GetAsync("/healthz").Result.StatusCode == HttpStatusCode.OK, "the host recovers without a restart", TimeSpan.FromSeconds(30));
        await using var resumed = await SseClient.ConnectAsync(http, url, lastEventId: received[^1].Id);
        resumed.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        await Instances.AdvanceAsync(clock, 10, 1, host);
        received.AddRange(await resumed.ReadToEndAsync());
        received.Select(e => long.Parse(e.Id)).Should().Equal(Enumerable.Range(0, received.Count).Select(i => (long)i));
        received[^1].Name.Should().Be("SessionCompleted");
        (await http.PostAsync("/api/sessions", WebApi.Json("""{ "notation": "1-1", "cycles": 5 }"""))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task HostStartsWhileRedisIsDown_Unhealthy_ThenRedisComes_ItServesWithNoRestart()
    {
        _redis.Kill();
        var clock = new LockedHistoricalScheduler(VirtualTimeWebFactory.Epoch);
        using var host = KestrelWebHost.OnRedis(_redis, RedisFixture.NewPrefix(), clock);
        using var http = host.ClientFrom();
        (await http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var refused = await http.PostAsync("/api/sessions", WebApi.Json("""{ "notation": "1-1", "cycles": 2 }"""));
        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        await ProblemShape.AssertAsync(refused, "a session started before the store was ever reached");

        _redis.Start();

        await Eventually.HoldsAsync(() => http.GetAsync("/healthz").Result.StatusCode == HttpStatusCode.OK, "the host connects once Redis is there", TimeSpan.FromSeconds(30));
        var url = (await WebApi.StartAsync(http, """{ "notation": "1-1", "cycles": 2 }""")).GetProperty("eventsUrl").GetString()!;
        await using var sse = await SseClient.ConnectAsync(http, url);
        await Instances.AdvanceAsync(clock, 5, 1, host);
        (await sse.ReadToEndAsync()).Select(e => e.Name).Should().EndWith("SessionCompleted");
    }
}
