using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BreathPacing.Practice;

/// <summary>
/// Exports and imports practice records as a versioned JSON document (<c>{"version": 1, "records": [...]}</c>, camelCase),
/// with System.Text.Json source generation: no reflection, safe to trim and to compile ahead of time. The schema is
/// published as <c>docs/practice-journal.schema.json</c> (JSON Schema draft 2020-12).
/// </summary>
/// <remarks>
/// <para>
/// A record is an object with <c>endedAt</c> (ISO 8601 with its offset, e.g. <c>2026-03-02T18:30:00+01:00</c>),
/// <c>techniqueId</c> (absent for a custom pattern), <c>patternName</c>, <c>options</c> (absent for none), <c>startSeconds</c>,
/// <c>reachedInhaleSeconds</c>, <c>reachedExhaleSeconds</c>, <c>plannedCycles</c> (absent when open-ended),
/// <c>completedCycles</c>, <c>activeSeconds</c>, <c>endedEarly</c> and <c>feeling</c> (<c>easy</c>, <c>comfortable</c>,
/// <c>hard</c> or <c>dizzy</c>; absent when not asked). Options carry a <c>kind</c>: <c>threePartBreath</c> and
/// <c>oceansBreath</c> (with its <c>exhaleRatio</c>) read back as <see cref="ThreePartBreathOptions"/> and
/// <see cref="OceansBreathOptions"/>; <c>shared</c> holds the shared settings of an app's own options type.
/// Every record reads back equal to the one written.
/// </para>
/// <para>
/// Reading is strict and all-or-nothing: malformed JSON, a missing or unknown <c>version</c> (checked first, so a
/// future version is reported as such), a field the format does not define, a value of the wrong type, and a value a
/// record does not accept all throw <see cref="PracticeJournalJsonException"/> naming the JSON path and the value, and
/// no record is returned. Importing the result with <see cref="IPracticeJournal.AppendRangeAsync"/> therefore leaves the
/// journal unchanged when the document is bad.
/// </para>
/// <para>All members are thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// string json = PracticeJournalJson.Serialize(await journal.QueryAsync(PracticeQuery.All));
/// await other.AppendRangeAsync(PracticeJournalJson.Deserialize(json));
/// </code>
/// </example>
public static class PracticeJournalJson
{
    /// <summary>The format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    private const int MaximumEchoLength = 40;

    // Far beyond any session, yet small enough that converting to ticks cannot overflow.
    private const decimal MaximumActiveSeconds = 1_000_000_000m;

    private const string InstantExpectation = "an ISO 8601 date and time with its offset, e.g. \"2026-03-02T18:30:00+01:00\"";

    // A journal is a file a person may read: "+01:00" and "Ocean's Breath" stay as they are. The output is JSON data, not
    // HTML; a host embedding it in a page escapes it there.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <summary>Writes <paramref name="records"/> as an indented JSON document, in the order given.</summary>
    /// <param name="records">The records, e.g. a journal's <see cref="PracticeQuery.All"/>.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record is <see langword="null"/>.</exception>
    public static string Serialize(IEnumerable<PracticeRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var document = new PracticeJournalDocument { Version = CurrentVersion, Records = [] };
        foreach (var record in records)
        {
            document.Records.Add(ToDocument(record ?? throw new ArgumentException($"Invalid records[{document.Records.Count}] = null: expected a record.", nameof(records))));
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Encoder }))
        {
            JsonSerializer.Serialize(writer, document, PracticeJournalJsonContext.Default.PracticeJournalDocument);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads the records of a JSON document, validated, in the document's order.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PracticeJournalJsonException">The document is malformed or invalid; <see cref="PracticeJournalJsonException.Path"/> locates the problem.</exception>
    public static ImmutableArray<PracticeRecord> Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json);
        return Deserialize(document.RootElement);
    }

    /// <summary>Reads the records of an already parsed JSON document (e.g. a request body).</summary>
    /// <param name="element">The document's root object.</param>
    /// <returns>The records.</returns>
    /// <exception cref="PracticeJournalJsonException">The document is invalid; <see cref="PracticeJournalJsonException.Path"/> locates the problem.</exception>
    public static ImmutableArray<PracticeRecord> Deserialize(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("$", $"a practice journal object with \"version\": {CurrentVersion}", element);
        }

        CheckVersion(element);
        var dto = Read(element, PracticeJournalJsonContext.Default.PracticeJournalDocument, rootIsRecord: false);
        var items = dto.Records ?? throw Invalid("$.records", "an array of records", element);
        var records = ImmutableArray.CreateBuilder<PracticeRecord>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.records[{i}]";
            records.Add(ToRecord(items[i] ?? throw Invalid(path, "a record object", element), path, element));
        }

        return records.MoveToImmutable();
    }

    /// <summary>
    /// Writes one record as a compact JSON object: the form it takes inside a version <see cref="CurrentVersion"/> document,
    /// for a store that keeps one record per row (SQLite) or object (IndexedDB). Keep the version beside it.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static string SerializeRecord(PracticeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = Encoder }))
        {
            JsonSerializer.Serialize(writer, ToDocument(record), PracticeJournalJsonContext.Default.PracticeRecordDocument);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads one record written by <see cref="SerializeRecord"/> (or taken from a document's <c>records</c>).</summary>
    /// <param name="json">The record's JSON object.</param>
    /// <returns>The validated record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="PracticeJournalJsonException">The record is malformed or invalid; the path is relative to the record (<c>$.feeling</c>).</exception>
    public static PracticeRecord DeserializeRecord(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json);
        return DeserializeRecord(document.RootElement);
    }

    /// <summary>Reads one record from an already parsed JSON object.</summary>
    /// <param name="element">The record's JSON object.</param>
    /// <returns>The validated record.</returns>
    /// <exception cref="PracticeJournalJsonException">The record is invalid; the path is relative to <paramref name="element"/>.</exception>
    public static PracticeRecord DeserializeRecord(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("$", "a record object", element);
        }

        return ToRecord(Read(element, PracticeJournalJsonContext.Default.PracticeRecordDocument, rootIsRecord: true), "$", element);
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new PracticeJournalJsonException("$", $"Malformed practice journal JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {FirstSentence(ex.Message)}", ex);
        }
    }

    private static void CheckVersion(JsonElement root)
    {
        if (!root.TryGetProperty("version", out var version))
        {
            throw new PracticeJournalJsonException("$.version", $"Invalid practice journal JSON at $.version: expected the format version {CurrentVersion}, found no \"version\" field.");
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != CurrentVersion)
        {
            var detail = version.ValueKind == JsonValueKind.Number
                ? $"unsupported version {Echo(version)}; this library reads version {CurrentVersion}"
                : $"expected the format version {CurrentVersion}, found {Echo(version)}";
            throw new PracticeJournalJsonException("$.version", $"Invalid practice journal JSON at $.version: {detail}.");
        }
    }

    private static T Read<T>(JsonElement element, JsonTypeInfo<T> info, bool rootIsRecord)
    {
        try
        {
            return element.Deserialize(info)!;
        }
        catch (JsonException ex)
        {
            throw FromSerializer(ex, element, rootIsRecord);
        }
    }

    private static PracticeRecord ToRecord(PracticeRecordDocument dto, string path, JsonElement root)
    {
        var endedAtText = dto.EndedAt ?? throw Invalid(path + ".endedAt", InstantExpectation, root);
        if (!PracticeFormat.TryParseInstant(endedAtText, out var endedAt))
        {
            throw Invalid(path + ".endedAt", InstantExpectation, root);
        }

        var patternName = dto.PatternName ?? throw Invalid(path + ".patternName", "the pattern's name (a non-empty string)", root);
        var options = dto.Options is { } o ? ToOptions(o, path + ".options", root) : null;
        var start = dto.StartSeconds ?? throw Invalid(path + ".startSeconds", "a number of seconds", root);
        var inhale = dto.ReachedInhaleSeconds ?? throw Invalid(path + ".reachedInhaleSeconds", "a number of seconds", root);
        var exhale = dto.ReachedExhaleSeconds ?? throw Invalid(path + ".reachedExhaleSeconds", "a number of seconds", root);
        var completed = dto.CompletedCycles ?? throw Invalid(path + ".completedCycles", "a whole number of cycles", root);
        var activeSeconds = dto.ActiveSeconds ?? throw Invalid(path + ".activeSeconds", "a number of seconds", root);
        if (Math.Abs(activeSeconds) > MaximumActiveSeconds)
        {
            throw Invalid(path + ".activeSeconds", "a number of seconds, 0 or more", root);
        }

        var endedEarly = dto.EndedEarly ?? throw Invalid(path + ".endedEarly", "true or false", root);
        PracticeFeeling? feeling = null;
        if (dto.Feeling is { } code)
        {
            feeling = PracticeCodes.TryParseFeeling(code, out var parsed)
                ? parsed
                : throw Invalid(path + ".feeling", PracticeCodes.FeelingExpectation + " (or null when not asked)", root);
        }

        var record = new PracticeRecord(
            endedAt,
            dto.TechniqueId,
            patternName,
            options,
            start,
            inhale,
            exhale,
            dto.PlannedCycles,
            completed,
            TimeSpan.FromTicks((long)Math.Round(activeSeconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero)),
            endedEarly,
            feeling);
        if (record.FindProblem() is { } problem)
        {
            var at = path + "." + problem.Field;
            throw new PracticeJournalJsonException(at, $"Invalid practice journal JSON at {at} = {problem.Value}: expected {problem.Expected}.");
        }

        return record;
    }

    private static BreathTechniqueOptions ToOptions(PracticeOptionsDocument dto, string path, JsonElement root)
    {
        var kind = dto.Kind ?? throw Invalid(path + ".kind", PracticeCodes.OptionsKindExpectation, root);
        BreathTechniqueOptions options = kind switch
        {
            PracticeCodes.ThreePartOptions => new ThreePartBreathOptions(),
            PracticeCodes.OceanOptions => new OceansBreathOptions
            {
                ExhaleRatio = dto.ExhaleRatio ?? throw Invalid(path + ".exhaleRatio", "the exhale's ratio to the inhale (a number above 1)", root),
            },
            PracticeCodes.SharedOptions => new SharedTechniqueOptions(),
            _ => throw Invalid(path + ".kind", PracticeCodes.OptionsKindExpectation, root),
        };
        if (kind != PracticeCodes.OceanOptions && dto.ExhaleRatio is not null)
        {
            throw new PracticeJournalJsonException(path + ".exhaleRatio", $"Invalid practice journal JSON at {path}.exhaleRatio: this field is only for options of kind \"{PracticeCodes.OceanOptions}\"; found {Echo(Find(root, path + ".exhaleRatio"))}.");
        }

        return options with
        {
            StartSeconds = dto.StartSeconds ?? throw Invalid(path + ".startSeconds", "a number of seconds", root),
            Progress = dto.Progress ?? throw Invalid(path + ".progress", "true or false", root),
            TargetSeconds = dto.TargetSeconds ?? throw Invalid(path + ".targetSeconds", "a number of seconds", root),
            StepSeconds = dto.StepSeconds ?? throw Invalid(path + ".stepSeconds", "a number of seconds", root),
            CyclesPerStep = dto.CyclesPerStep ?? throw Invalid(path + ".cyclesPerStep", "a whole number of cycles", root),
        };
    }

    private static PracticeRecordDocument ToDocument(PracticeRecord record) => new()
    {
        EndedAt = PracticeFormat.Instant(record.EndedAt),
        TechniqueId = record.TechniqueId,
        PatternName = record.PatternName,
        Options = record.Options is { } o
            ? new PracticeOptionsDocument
            {
                Kind = PracticeCodes.OptionsKind(o),
                StartSeconds = o.StartSeconds,
                Progress = o.Progress,
                TargetSeconds = o.TargetSeconds,
                StepSeconds = o.StepSeconds,
                CyclesPerStep = o.CyclesPerStep,
                ExhaleRatio = (o as OceansBreathOptions)?.ExhaleRatio,
            }
            : null,
        StartSeconds = record.StartSeconds,
        ReachedInhaleSeconds = record.ReachedInhaleSeconds,
        ReachedExhaleSeconds = record.ReachedExhaleSeconds,
        PlannedCycles = record.PlannedCycles,
        CompletedCycles = record.CompletedCycles,
        ActiveSeconds = PracticeFormat.Seconds(record.ActiveTime),
        EndedEarly = record.EndedEarly,
        Feeling = record.Feeling is { } f ? PracticeCodes.Of(f) : null,
    };

    private static PracticeJournalJsonException Invalid(string path, string expected, JsonElement root) =>
        new(path, $"Invalid practice journal JSON at {path}: expected {expected}, found {Echo(Find(root, path))}.");

    private static PracticeJournalJsonException FromSerializer(JsonException ex, JsonElement root, bool rootIsRecord)
    {
        var path = ex.Path ?? "$";
        var (parent, property) = SplitLast(path);
        if (property is not null && KnownProperties(parent, rootIsRecord) is { } known && !known.Contains(property))
        {
            return new PracticeJournalJsonException(path, $"Invalid practice journal JSON at {path}: unknown field \"{property}\"; expected one of {string.Join(", ", known.Select(k => "\"" + k + "\""))}.", ex);
        }

        return new PracticeJournalJsonException(path, $"Invalid practice journal JSON at {path}: expected {ExpectedAt(property)}, found {(Find(root, path) is { } value ? Echo(value) : "a value of the wrong type")}.", ex);
    }

    // What each field holds, for messages about values of the wrong type.
    private static string ExpectedAt(string? property) => property switch
    {
        null => "an object",
        "version" => $"the format version {CurrentVersion}",
        "records" => "an array of records",
        "endedAt" => InstantExpectation,
        "techniqueId" => "a technique id (a string) or null",
        "patternName" => "a string",
        "options" => "an options object or null",
        "kind" => PracticeCodes.OptionsKindExpectation,
        "progress" or "endedEarly" => "true or false",
        "plannedCycles" => "a whole number of cycles or null",
        "completedCycles" or "cyclesPerStep" => "a whole number of cycles",
        "exhaleRatio" => "a number above 1",
        "feeling" => PracticeCodes.FeelingExpectation + " or null",
        _ => "a number of seconds",
    };

    // The properties the object at a path may have, taken from the generated metadata.
    private static IEnumerable<string>? KnownProperties(string objectPath, bool rootIsRecord)
    {
        var context = PracticeJournalJsonContext.Default;
        JsonTypeInfo? info = objectPath switch
        {
            "$" => rootIsRecord ? context.PracticeRecordDocument : context.PracticeJournalDocument,
            _ when objectPath.EndsWith(".options", StringComparison.Ordinal) => context.PracticeOptionsDocument,
            _ when objectPath.StartsWith("$.records[", StringComparison.Ordinal) && objectPath.EndsWith(']') => context.PracticeRecordDocument,
            _ => null,
        };
        return info?.Properties.Select(p => p.Name).ToArray();
    }

    // Splits "$.records[0].feeling" into ("$.records[0]", "feeling") and "$.records[0]" into ("$.records[0]", null).
    private static (string Parent, string? Property) SplitLast(string path)
    {
        if (path.EndsWith("']", StringComparison.Ordinal))
        {
            var start = path.LastIndexOf("['", StringComparison.Ordinal);
            if (start > 0)
            {
                return (path[..start], path[(start + 2)..^2]);
            }
        }
        else if (!path.EndsWith(']'))
        {
            var dot = path.LastIndexOf('.');
            if (dot > 0)
            {
                return (path[..dot], path[(dot + 1)..]);
            }
        }

        return (path, null);
    }

    // Finds the element at a simple JSON path ($, .name, ['name'], [index]); null when it is not there.
    private static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(path[(i + 1)..end], out current))
                {
                    return null;
                }

                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0 || current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(path[(i + 2)..end], out current))
                {
                    return null;
                }

                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0
                    || !int.TryParse(path.AsSpan(i + 1, end - i - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    || current.ValueKind != JsonValueKind.Array
                    || index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string Echo(JsonElement? element) => element is not { } value
        ? "nothing"
        : value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => Truncate(value.GetRawText()),
        };

    private static string Truncate(string text) => text.Length <= MaximumEchoLength ? text : text[..MaximumEchoLength] + "…";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
