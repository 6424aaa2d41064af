using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using BreathPacing.Web.Api;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;

namespace BreathPacing.Web.Sessions;

/// <summary>
/// Writes an <see cref="EventStream"/> as <c>text/event-stream</c>: the response headers at once, the events the client
/// has missed (taken from the session a buffer at a time as the client takes them), then live events, with a comment
/// heartbeat whenever nothing else has been sent for the heartbeat interval. A client that falls behind by more than
/// its buffer, or takes nothing for the stall timeout, is disconnected; it can resume with <c>Last-Event-ID</c>. A stream
/// that cannot go on ends with an event saying why: <c>reset</c> (start again) or <c>unavailable</c> (reconnect later).
/// </summary>
public sealed class EventStreamResult : IResult
{
    private const int Batch = 32;
    private static readonly byte[] HeartbeatBytes = ": heartbeat\n\n"u8.ToArray();

    /// <summary>How long a client should wait before reconnecting after an <c>unavailable</c> event (also sent as the SSE <c>retry</c> field).</summary>
    public static readonly TimeSpan UnavailableRetry = TimeSpan.FromSeconds(5);

    private readonly EventStream _stream;
    private readonly EventMapper _mapper;
    private readonly JsonSerializerOptions _json;
    private readonly SessionRegistry _registry;
    private Utf8JsonWriter? _jsonWriter; // one per response, reset for each event

    /// <summary>Creates the result; it owns <paramref name="stream"/> and disposes it when the response ends.</summary>
    /// <param name="stream">The attached stream.</param>
    /// <param name="mapper">Turns events into payloads.</param>
    /// <param name="json">The payloads' JSON options.</param>
    /// <param name="registry">The registry (its clock and limits).</param>
    public EventStreamResult(EventStream stream, EventMapper mapper, JsonSerializerOptions json, SessionRegistry registry)
    {
        _stream = stream;
        _mapper = mapper;
        _json = json;
        _registry = registry;
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var stream = _stream;
        using var jsonWriter = _jsonWriter = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // proxies: pass each event on at once
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }

        var options = _registry.Options;
        LimitSendBuffer(httpContext, options.StreamSendBufferBytes);
        var stopping = httpContext.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stream.Dropped, stopping);
        var statistics = _registry.StreamStatistics;
        var dropped = 0; // a client is dropped once, for the first reason that applies
        using var watchdog = new StreamWatchdog(_registry.Scheduler, options.HeartbeatInterval, options.StreamStallTimeout, () =>
        {
            if (Interlocked.Exchange(ref dropped, 1) == 0)
            {
                statistics.Stalled();
            }

            httpContext.Abort();
        }, stream.Wake);
        var writer = response.BodyWriter;
        var token = cancel.Token;
        try
        {
            // Headers now, even when the first event is far off (a paused session, a long hold).
            await response.StartAsync(token);
            if (!await FlushAsync(writer, watchdog, statistics, token))
            {
                return;
            }

            await StreamAsync(writer, watchdog, statistics, token);
        }
        catch (OperationCanceledException) when (stream.FellBehind)
        {
            // Drop the connection so its buffers go now; the client resumes with Last-Event-ID.
            if (Interlocked.Exchange(ref dropped, 1) == 0)
            {
                statistics.FellBehind();
            }

            httpContext.Abort();
        }
        catch (OperationCanceledException)
        {
            // The client went away, or the server is stopping (the response ends; the client reconnects elsewhere).
        }
    }

    // Only on HTTP/1.x, where the connection is this stream's alone (an HTTP/2 connection carries other requests too).
    private static void LimitSendBuffer(HttpContext httpContext, int bytes)
    {
        if (HttpProtocol.IsHttp11(httpContext.Request.Protocol) && httpContext.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            try
            {
                socket.SendBufferSize = bytes;
            }
            catch (SocketException)
            {
                // The connection is already gone; the writer will notice.
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task StreamAsync(PipeWriter writer, StreamWatchdog watchdog, StreamStatistics statistics, CancellationToken token)
    {
        var stream = _stream;
        using var wakeOnCancel = token.UnsafeRegister(static s => ((EventStream)s!).Wake(), stream);
        while (true)
        {
            var written = 0;
            while (written < Batch && stream.TryTake(out var e))
            {
                Write(writer, e.Event, e.Stamp);
                written++;
            }

            if (written > 0)
            {
                if (!await FlushAsync(writer, watchdog, statistics, token))
                {
                    return;
                }

                continue;
            }

            if (stream.FellBehind)
            {
                throw new OperationCanceledException(token);
            }

            if (stream.ResumeIfPaused())
            {
                continue; // catching up: the next piece is in the buffer now
            }

            if (stream.Ending is { } ending)
            {
                if (ending.Kind != StreamEndingKind.Closed)
                {
                    WriteEnding(writer, ending, statistics);
                    await FlushAsync(writer, watchdog, statistics, token);
                }

                return;
            }

            if (stream.Completed)
            {
                return; // the session has ended and every event is out
            }

            if (watchdog.TakeHeartbeat())
            {
                writer.Write(HeartbeatBytes);
                if (!await FlushAsync(writer, watchdog, statistics, token))
                {
                    return;
                }

                continue;
            }

            token.ThrowIfCancellationRequested();

            // One wait for everything: an event, the heartbeat and cancellation all wake the stream.
            await stream.WaitAsync();
        }
    }

    // reset: the client must discard what it has after lastGoodSequence and start again without Last-Event-ID.
    // unavailable: the store is down; the retry field makes EventSource wait before reconnecting with Last-Event-ID.
    private void WriteEnding(PipeWriter writer, StreamEnding ending, StreamStatistics statistics)
    {
        var json = Json(writer);
        if (ending.Kind == StreamEndingKind.Reset)
        {
            statistics.ResetSent();
            WriteAscii(writer, "event: reset\ndata: ");
            json.WriteStartObject();
            json.WriteString("reason", "The session changed on another server after this stream had already passed that point; discard what came after lastGoodSequence and connect again from the start.");
            json.WriteNumber("lastGoodSequence", ending.LastGoodSequence);
            json.WriteEndObject();
        }
        else
        {
            WriteAscii(writer, string.Create(CultureInfo.InvariantCulture, $"retry: {UnavailableRetry.TotalMilliseconds:0}\nevent: unavailable\ndata: "));
            json.WriteStartObject();
            json.WriteString("reason", "The session store is unavailable; reconnect with Last-Event-ID in a few seconds.");
            json.WriteNumber("retryAfterMs", UnavailableRetry.TotalMilliseconds);
            json.WriteEndObject();
        }

        json.Flush();
        WriteAscii(writer, "\n\n");
    }

    private void Write(PipeWriter writer, BreathEvent e, EventStamp stamp)
    {
        var payload = _mapper.Map(_stream.Session, e) with { ServerTime = stamp.ServerTime, ElapsedMs = stamp.ElapsedMs, State = stamp.State };
        WriteAscii(writer, "event: ");
        WriteAscii(writer, payload.Kind.ToString());
        WriteAscii(writer, "\nid: ");
        var digits = writer.GetSpan(20);
        payload.Sequence.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        writer.Advance(length);
        WriteAscii(writer, "\ndata: ");

        var json = Json(writer);
        JsonSerializer.Serialize(json, payload, payload.GetType(), _json);
        json.Flush();

        WriteAscii(writer, "\n\n");
    }

    // The response's one JSON writer, pointed at the output. Not indented, so the JSON is one line (strings escape
    // their line breaks).
    private Utf8JsonWriter Json(PipeWriter writer)
    {
        var json = _jsonWriter!;
        json.Reset(writer);
        return json;
    }

    private static void WriteAscii(PipeWriter writer, string text)
    {
        var span = writer.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        writer.Advance(written);
    }

    /// <returns><see langword="false"/> when the client has gone.</returns>
    private static async ValueTask<bool> FlushAsync(PipeWriter writer, StreamWatchdog watchdog, StreamStatistics statistics, CancellationToken token)
    {
        watchdog.Writing();
        var flush = writer.FlushAsync(token);
        FlushResult result;
        if (flush.IsCompleted)
        {
            result = flush.Result;
        }
        else
        {
            watchdog.Waiting();
            statistics.WaitStarted();
            try
            {
                result = await flush;
            }
            finally
            {
                statistics.WaitEnded();
            }
        }

        watchdog.Flushed();
        if (result.IsCanceled)
        {
            throw new OperationCanceledException(token);
        }

        return !result.IsCompleted;
    }
}
