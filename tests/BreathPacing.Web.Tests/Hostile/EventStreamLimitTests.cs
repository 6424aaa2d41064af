using System.Net;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Hostile;

/// <summary>
/// The event stream against real Kestrel with the server's clock virtual: headers at once, heartbeats exactly
/// when nothing else has been sent for the interval, a Last-Event-ID beyond the session refused at once, and the
/// per-session and server-wide stream caps.
/// </summary>
public sealed class EventStreamLimitTests
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(5); // real time: generous, the server answers in milliseconds

    [Fact]
    public async Task Events_ReconnectingWhilePaused_GetsHeadersAtOnceThenAHeartbeatEveryInterval()
    {
        using var host = new KestrelWebHost(KestrelWebHost.Generous);
        using var http = host.ClientFrom();
        var session = await WebApi.StartAsync(http, """{ "notation": "4-4", "cycles": 10 }""");
        var id = session.GetProperty("id").GetString()!;
        host.AdvanceBy(0.5);
        (await http.PostAsync($"/api/sessions/{id}/pause", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        // Nothing will happen in this session until it is resumed; the reconnect is answered anyway.
        var connecting = SseClient.ConnectAsync(http, session.GetProperty("eventsUrl").GetString()!, lastEventId: "2");
        (await Task.WhenAny(connecting, Task.Delay(AtOnce))).Should().BeSameAs(connecting, "the headers come at once, not with the next event");
        await using var sse = await connecting;
        sse.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        sse.Response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");

        host.AdvanceBy(14.9);
        (await sse.NextLineAsync(TimeSpan.FromMilliseconds(300), orNull: true)).Should().BeNull("nothing is due before the heartbeat interval");
        host.AdvanceBy(0.2);
        (await sse.NextCommentAsync()).Should().Be(": heartbeat");
        host.AdvanceBy(15);
        (await sse.NextCommentAsync()).Should().Be(": heartbeat", "one heartbeat per interval of silence");

        (await http.PostAsync($"/api/sessions/{id}/resume", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await sse.NextAsync())!.Name.Should().Be("SessionResumed", "a heartbeat never stands in for an event");
    }

    [Fact]
    public async Task Events_DuringATenMinutePhase_SendAHeartbeatEvery15Seconds()
    {
        using var host = new KestrelWebHost(KestrelWebHost.Generous);
        using var http = host.ClientFrom();
        var session = await WebApi.StartAsync(http, """{ "notation": "600-600", "cycles": 1 }""");
        await using var sse = await SseClient.ConnectAsync(http, session.GetProperty("eventsUrl").GetString()!);
        host.AdvanceBy(0.5);
        (await sse.ReadAsync(2)).Select(e => e.Name).Should().Equal("SessionStarted", "PhaseStarted");

        // A proxy that cuts streams idle for 60 s would see traffic at least four times a minute.
        for (var minute = 0; minute < 4; minute++)
        {
            host.AdvanceBy(15);
            (await sse.NextCommentAsync()).Should().Be(": heartbeat");
        }
    }

    [Fact]
    public async Task Events_LastEventIdBeyondTheSession_Is400AtOnce()
    {
        using var host = new KestrelWebHost(KestrelWebHost.Generous);
        using var http = host.ClientFrom();
        var session = await WebApi.StartAsync(http, """{ "notation": "4-4", "cycles": 10 }""");
        host.AdvanceBy(0.5);
        var request = new HttpRequestMessage(HttpMethod.Get, session.GetProperty("eventsUrl").GetString());
        request.Headers.Add("Last-Event-ID", "999999");

        var sending = http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        (await Task.WhenAny(sending, Task.Delay(AtOnce))).Should().BeSameAs(sending, "the server does not wait for the session to catch up");
        using var response = await sending;

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ProblemShape.AssertAsync(response);
        problem.GetProperty("field").GetString().Should().Be("Last-Event-ID");
        problem.GetProperty("detail").GetString().Should().Contain("999999").And.Contain("up to 1");
    }

    [Fact]
    public async Task Events_Head_AnswersTheStreamsHeadersWithoutABody()
    {
        using var host = new KestrelWebHost(KestrelWebHost.Generous);
        using var http = host.ClientFrom();
        var session = await WebApi.StartAsync(http, """{ "notation": "4-4", "cycles": 10 }""");

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, session.GetProperty("eventsUrl").GetString()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        host.Registry.Streams.Taken.Should().Be(0, "a HEAD holds no stream");
    }

    [Fact]
    public async Task Events_BeyondTheStreamCaps_Are429PerSessionAnd503ServerWide_UntilOneCloses()
    {
        using var host = new KestrelWebHost([.. KestrelWebHost.Generous, ("MaxStreamsPerSession", "2"), ("MaxStreams", "3")]);
        using var http = host.ClientFrom(timeout: Timeout.InfiniteTimeSpan);
        var a = (await WebApi.StartAsync(http, """{ "notation": "4-4", "cycles": 10 }""")).GetProperty("eventsUrl").GetString()!;
        var b = (await WebApi.StartAsync(http, """{ "notation": "4-4", "cycles": 10 }""")).GetProperty("eventsUrl").GetString()!;

        var a1 = await SseClient.ConnectAsync(http, a);
        await using var a2 = await SseClient.ConnectAsync(http, a);
        using var a3 = await http.GetAsync(a);
        a3.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await ProblemShape.AssertAsync(a3)).GetProperty("detail").GetString().Should().Contain("maximum of 2 open event streams");

        await using var b1 = await SseClient.ConnectAsync(http, b);
        b1.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var b2 = await http.GetAsync(b);
        b2.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ProblemShape.AssertAsync(b2)).GetProperty("detail").GetString().Should().Contain("maximum of 3 event streams");

        await a1.DisposeAsync();
        await Eventually.HoldsAsync(() => host.Registry.Streams.Taken == 2, "the closed stream frees its place");
        await using var b3 = await SseClient.ConnectAsync(http, b);
        b3.Response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
