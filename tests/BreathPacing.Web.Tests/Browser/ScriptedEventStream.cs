using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BreathPacing.Web.Tests.Browser;

/// <summary>
/// A <c>text/event-stream</c> body written by a test, event by event, in the server's wire format (SSE <c>event</c>,
/// <c>id</c>, JSON <c>data</c> with the common payload fields), to be served to the page with Playwright's
/// <c>route.FulfillAsync</c>: what a server says in a situation the real one does not reach on cue (a reset, a summary
/// of a given shape).
/// </summary>
public sealed class ScriptedEventStream
{
    private readonly StringBuilder _text = new();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    /// <summary>Adds one engine event: its kind and sequence, its ideal offset and the fields of its own.</summary>
    public ScriptedEventStream Event(string kind, long sequence, double offsetMs, object? fields = null, string state = "running", double? elapsedMs = null)
    {
        var data = new JsonObject
        {
            ["sequence"] = sequence,
            ["kind"] = kind,
            ["offsetMs"] = offsetMs,
            ["serverTime"] = _now.ToString("O", CultureInfo.InvariantCulture),
            ["elapsedMs"] = elapsedMs ?? offsetMs,
            ["state"] = state,
        };
        if (fields is not null)
        {
            foreach (var (name, value) in JsonSerializer.SerializeToNode(fields, Web)!.AsObject())
            {
                data[name] = value?.DeepClone();
            }
        }

        _text.Append(CultureInfo.InvariantCulture, $"event: {kind}\nid: {sequence}\ndata: {data.ToJsonString()}\n\n");
        return this;
    }

    /// <summary>Adds the <c>reset</c> event a server sends when it can no longer continue the stream in order.</summary>
    public ScriptedEventStream Reset(string reason, long lastGoodSequence)
    {
        _text.Append(CultureInfo.InvariantCulture, $"event: reset\ndata: {{\"reason\":\"{reason}\",\"lastGoodSequence\":{lastGoodSequence}}}\n\n");
        return this;
    }

    /// <summary>Adds a comment line, as a heartbeat is.</summary>
    public ScriptedEventStream Comment(string text)
    {
        _text.Append(CultureInfo.InvariantCulture, $": {text}\n\n");
        return this;
    }

    public string Text => _text.ToString();

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
