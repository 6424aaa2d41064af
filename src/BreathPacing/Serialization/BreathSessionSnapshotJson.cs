using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BreathPacing.Serialization;

/// <summary>
/// Reads and writes <see cref="BreathSessionSnapshot"/> as versioned JSON (schema: <c>docs/breath-session-snapshot.schema.json</c>):
/// the pattern as a breath-pattern document, the length, the start and snapshot instants (ISO 8601 with an offset),
/// the active time, the state, the next sequence number and the history. Durations are exact decimal seconds (to
/// the 100 ns tick), so a snapshot round-trips to an equal one. Strict: unknown fields, a missing or unknown version,
/// comments and trailing commas are errors that name the JSON path. All members are thread-safe.
/// </summary>
public static class BreathSessionSnapshotJson
{
    /// <summary>The format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <summary>Writes <paramref name="snapshot"/> as a JSON document.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public static string Serialize(BreathSessionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, snapshot);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <paramref name="snapshot"/> as a JSON object to <paramref name="writer"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, BreathSessionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snapshot);
        writer.WriteStartObject();
        writer.WriteNumber("version", CurrentVersion);
        writer.WritePropertyName("pattern");
        BreathPatternJson.Write(writer, snapshot.Pattern);
        writer.WritePropertyName("length");
        WriteLength(writer, snapshot.Length);
        writer.WriteString("startedAt", snapshot.StartedAt.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteString("takenAt", snapshot.TakenAt.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteNumber("activeTime", Seconds(snapshot.ActiveTime));
        writer.WriteString("state", StateName(snapshot.State));
        writer.WriteNumber("sequence", snapshot.Sequence);
        writer.WriteStartArray("history");
        foreach (var change in snapshot.History)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", ChangeName(change.Kind));
            if (change.Kind == BreathSessionChangeKind.SkippedAhead)
            {
                writer.WriteNumber("from", Seconds(change.SkippedFrom));
            }

            writer.WriteNumber("at", Seconds(change.At));
            if (change.Kind is BreathSessionChangeKind.Resumed or BreathSessionChangeKind.Stopped)
            {
                writer.WriteNumber("pausedFor", Seconds(change.PausedFor));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads a snapshot from a JSON document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="BreathSessionSnapshotJsonException">The document is malformed or invalid; its path locates the problem.</exception>
    public static BreathSessionSnapshot Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new BreathSessionSnapshotJsonException("$", $"Malformed session snapshot JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}.", ex);
        }

        using (document)
        {
            return Deserialize(document.RootElement);
        }
    }

    /// <summary>Reads a snapshot from an already parsed JSON value.</summary>
    /// <param name="element">The snapshot's JSON object.</param>
    /// <returns>The validated snapshot.</returns>
    /// <exception cref="BreathSessionSnapshotJsonException">The value is not a valid snapshot; its path locates the problem.</exception>
    public static BreathSessionSnapshot Deserialize(JsonElement element)
    {
        var root = Object(element, "$", ["version", "pattern", "length", "startedAt", "takenAt", "activeTime", "state", "sequence", "history"]);
        var version = Required(root, "$", "version");
        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != CurrentVersion)
        {
            throw Invalid("$.version", $"expected {CurrentVersion}, found {Echo(version)}; this library reads version {CurrentVersion} only");
        }

        BreathPattern pattern;
        try
        {
            pattern = BreathPatternJson.Deserialize(Required(root, "$", "pattern"));
        }
        catch (BreathPatternJsonException ex)
        {
            var inner = ex.Path == "$" ? "$.pattern" : "$.pattern" + ex.Path[1..];
            throw new BreathSessionSnapshotJsonException(inner, $"Invalid session snapshot JSON at {inner}: {ex.Message}", ex);
        }

        var length = ReadLength(Required(root, "$", "length"), "$.length");
        var startedAt = Instant(Required(root, "$", "startedAt"), "$.startedAt");
        var takenAt = Instant(Required(root, "$", "takenAt"), "$.takenAt");
        var activeTime = Duration(Required(root, "$", "activeTime"), "$.activeTime");
        var state = Required(root, "$", "state").ValueKind == JsonValueKind.String
            ? Required(root, "$", "state").GetString() switch
            {
                "running" => BreathSessionState.Running,
                "paused" => BreathSessionState.Paused,
                "completed" => BreathSessionState.Completed,
                _ => throw Invalid("$.state", $"expected \"running\", \"paused\" or \"completed\", found {Echo(Required(root, "$", "state"))}"),
            }
            : throw Invalid("$.state", $"expected a string, found {Echo(Required(root, "$", "state"))}");
        var sequenceValue = Required(root, "$", "sequence");
        if (sequenceValue.ValueKind != JsonValueKind.Number || !sequenceValue.TryGetInt64(out var sequence) || sequence < 0)
        {
            throw Invalid("$.sequence", $"expected a whole number of 0 or more, found {Echo(sequenceValue)}");
        }

        var history = new List<BreathSessionChange>();
        var items = Required(root, "$", "history");
        if (items.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("$.history", $"expected an array, found {Echo(items)}");
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            history.Add(ReadChange(item, $"$.history[{index++}]"));
        }

        try
        {
            return BreathSessionSnapshot.Create(pattern, length, startedAt, takenAt, activeTime, state, sequence, history);
        }
        catch (ArgumentException ex)
        {
            throw new BreathSessionSnapshotJsonException("$", $"Invalid session snapshot JSON: {ex.Message}", ex);
        }
    }

    private static BreathSessionChange ReadChange(JsonElement item, string path)
    {
        Object(item, path, ["kind", "at", "from", "pausedFor"]);
        var kind = Required(item, path, "kind");
        var at = Duration(Required(item, path, "at"), path + ".at");
        TimeSpan Paused() => Duration(Required(item, path, "pausedFor"), path + ".pausedFor");
        void Reject(string name)
        {
            if (item.TryGetProperty(name, out _))
            {
                throw Invalid($"{path}.{name}", $"not allowed for a change of kind {Echo(kind)}");
            }
        }

        try
        {
            switch (kind.ValueKind == JsonValueKind.String ? kind.GetString() : null)
            {
                case "paused":
                    Reject("from");
                    Reject("pausedFor");
                    return BreathSessionChange.Paused(at);
                case "resumed":
                    Reject("from");
                    return BreathSessionChange.Resumed(at, Paused());
                case "skippedAhead":
                    Reject("pausedFor");
                    return BreathSessionChange.SkippedAhead(Duration(Required(item, path, "from"), path + ".from"), at);
                case "stopped":
                    Reject("from");
                    return BreathSessionChange.Stopped(at, Paused());
                default:
                    throw Invalid(path + ".kind", $"expected \"paused\", \"resumed\", \"skippedAhead\" or \"stopped\", found {Echo(kind)}");
            }
        }
        catch (ArgumentException ex)
        {
            throw Invalid(path, ex.Message);
        }
    }

    private static void WriteLength(Utf8JsonWriter writer, SessionLength length)
    {
        writer.WriteStartObject();
        switch (length.Kind)
        {
            case SessionLengthKind.Cycles:
                writer.WriteString("kind", "cycles");
                writer.WriteNumber("cycles", length.CycleCount);
                break;
            case SessionLengthKind.Duration:
                writer.WriteString("kind", "duration");
                writer.WriteNumber("duration", Seconds(length.Duration));
                break;
            default:
                writer.WriteString("kind", "openEnded");
                break;
        }

        writer.WriteEndObject();
    }

    private static SessionLength ReadLength(JsonElement element, string path)
    {
        Object(element, path, ["kind", "cycles", "duration"]);
        var kind = Required(element, path, "kind");
        try
        {
            switch (kind.ValueKind == JsonValueKind.String ? kind.GetString() : null)
            {
                case "cycles":
                    var cycles = Required(element, path, "cycles");
                    return cycles.ValueKind == JsonValueKind.Number && cycles.TryGetInt32(out var count)
                        ? SessionLength.Cycles(count)
                        : throw Invalid(path + ".cycles", $"expected a whole number of cycles, found {Echo(cycles)}");
                case "duration":
                    return SessionLength.Of(Duration(Required(element, path, "duration"), path + ".duration"));
                case "openEnded":
                    return SessionLength.OpenEnded;
                default:
                    throw Invalid(path + ".kind", $"expected \"cycles\", \"duration\" or \"openEnded\", found {Echo(kind)}");
            }
        }
        catch (ArgumentException ex)
        {
            throw Invalid(path, ex.Message);
        }
    }

    private static JsonElement Object(JsonElement element, string path, string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"expected an object, found {Echo(element)}");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                throw Invalid($"{path}.{property.Name}", $"unknown field; expected only {string.Join(", ", known)}");
            }
        }

        return element;
    }

    private static JsonElement Required(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out var value) ? value : throw Invalid($"{path}.{name}", "missing");

    private static DateTimeOffset Instant(JsonElement element, string path)
    {
        // An instant must say its offset: a time without one could mean any of 24 hours.
        if (element.ValueKind == JsonValueKind.String
            && element.GetString() is { } text
            && text.IndexOf('T', StringComparison.Ordinal) is var t and > 0
            && (text.EndsWith('Z') || text.AsSpan(t).IndexOfAny('+', '-') > 0)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
        {
            return instant;
        }

        throw Invalid(path, $"expected an ISO 8601 instant with an offset, e.g. \"2026-12-04T09:30:00Z\", found {Echo(element)}");
    }

    private static TimeSpan Duration(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var seconds) && seconds >= 0
            && seconds <= (decimal)TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return TimeSpan.FromTicks(ExactSeconds.Ticks(seconds));
        }

        throw Invalid(path, $"expected a number of seconds of 0 or more, found {Echo(element)}");
    }

    private static decimal Seconds(TimeSpan value) => ExactSeconds.Of(value);

    private static string StateName(BreathSessionState state) => state switch
    {
        BreathSessionState.Paused => "paused",
        BreathSessionState.Completed => "completed",
        _ => "running",
    };

    private static string ChangeName(BreathSessionChangeKind kind) => kind switch
    {
        BreathSessionChangeKind.Resumed => "resumed",
        BreathSessionChangeKind.SkippedAhead => "skippedAhead",
        BreathSessionChangeKind.Stopped => "stopped",
        _ => "paused",
    };

    private static string Echo(JsonElement element)
    {
        var raw = element.ValueKind == JsonValueKind.Undefined ? "nothing" : element.GetRawText();
        return raw.Length <= 40 ? raw : string.Create(CultureInfo.InvariantCulture, $"{raw[..40]}… ({raw.Length} characters)");
    }

    private static BreathSessionSnapshotJsonException Invalid(string path, string problem) =>
        new(path, $"Invalid session snapshot JSON at {path}: {problem}.");
}
