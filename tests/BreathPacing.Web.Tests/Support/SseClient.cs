using System.Net.Http.Headers;
using System.Text.Json;

namespace BreathPacing.Web.Tests.Support;

/// <summary>One Server-Sent Event as received.</summary>
public sealed record SseEvent(string Name, string Id, JsonElement Data)
{
    public double OffsetMs => Data.GetProperty("offsetMs").GetDouble();

    public DateTimeOffset ServerTime => Data.GetProperty("serverTime").GetDateTimeOffset();

    public override string ToString() => $"{Id} {Name} {OffsetMs:0.###}";
}

/// <summary>Reads a text/event-stream response event by event.</summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly CancellationTokenSource _cancel;
    private Task<string?>? _pending;

    private SseClient(HttpResponseMessage response, StreamReader reader, CancellationTokenSource cancel)
    {
        _response = response;
        _reader = reader;
        _cancel = cancel;
    }

    public HttpResponseMessage Response => _response;

    public static async Task<SseClient> ConnectAsync(HttpClient client, string url, string? lastEventId = null)
    {
        var cancel = new CancellationTokenSource();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
        return new SseClient(response, new StreamReader(stream), cancel);
    }

    /// <summary>The next event, or null when the stream ended. Fails the test after the timeout.</summary>
    public async Task<SseEvent?> NextAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        string? name = null, id = null, data = null;
        while (true)
        {
            var line = await ReadLineAsync(deadline - DateTime.UtcNow, orNull: false);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return new SseEvent(name ?? "message", id ?? string.Empty, JsonDocument.Parse(data).RootElement.Clone());
                }

                continue;
            }

            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "event": name = value; break;
                case "id": id = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
            }
        }
    }

    /// <summary>
    /// The next raw line (an event's field, a blank line, or a comment such as <c>: heartbeat</c>), or null when the
    /// stream ended; null as well when nothing arrives within <paramref name="timeout"/>, if <paramref name="orNull"/>
    /// (the read stays pending, so the connection is kept).
    /// </summary>
    public Task<string?> NextLineAsync(TimeSpan timeout, bool orNull = false) => ReadLineAsync(timeout, orNull);

    /// <summary>Reads lines until a comment line (a heartbeat) arrives; fails if an event comes first or the time runs out.</summary>
    public async Task<string> NextCommentAsync(TimeSpan? timeout = null)
    {
        var line = await NextLineAsync(timeout ?? TimeSpan.FromSeconds(10));
        while (line is { Length: 0 })
        {
            line = await NextLineAsync(timeout ?? TimeSpan.FromSeconds(10));
        }

        line.Should().NotBeNull("the stream is still open").And.StartWith(":", "only a comment is due");
        return line!;
    }

    /// <summary>Reads until the stream ends.</summary>
    public async Task<List<SseEvent>> ReadToEndAsync(TimeSpan? timeout = null)
    {
        var events = new List<SseEvent>();
        while (await NextAsync(timeout) is { } e)
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>Reads exactly <paramref name="count"/> events.</summary>
    public async Task<List<SseEvent>> ReadAsync(int count)
    {
        var events = new List<SseEvent>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await NextAsync() ?? throw new InvalidOperationException($"The stream ended after {i} of {count} events."));
        }

        return events;
    }

    // A read that times out is kept pending rather than cancelled: cancelling a read aborts the HTTP response.
    private async Task<string?> ReadLineAsync(TimeSpan timeout, bool orNull)
    {
        _pending ??= _reader.ReadLineAsync(_cancel.Token).AsTask();
        string? line;
        try
        {
            // WaitAsync drops its timer as soon as the line comes (a Task.Delay per line would pile up timers).
            line = await _pending.WaitAsync(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
        }
        catch (TimeoutException) when (orNull)
        {
            return null;
        }

        _pending = null;
        return line;
    }

    /// <summary>Disconnects, as a browser tab closing would.</summary>
    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        if (_pending is not null)
        {
            await _pending.ContinueWith(static _ => { }, TaskScheduler.Default); // observe its cancellation
        }

        _reader.Dispose();
        _response.Dispose();
        _cancel.Dispose();
    }
}
