using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BreathPacing.Serialization;

/// <summary>
/// Reads and writes breath patterns as versioned JSON documents (<c>"version": 1</c>, camelCase), with
/// System.Text.Json source generation: no reflection, safe to trim and to compile ahead of time.
/// </summary>
/// <remarks>
/// <para>
/// Durations (<c>duration</c>, <c>step</c>, <c>target</c>, and a session's <c>duration</c>) are JSON numbers of
/// seconds. They are written exactly, as decimals with up to 7 fraction digits (one digit per 100 ns tick), so
/// every pattern round-trips to an equal pattern, tick for tick. When read, a duration is rounded to the nearest
/// tick. Segment shares are written in the shortest form that reads back to the same <see cref="double"/>.
/// </para>
/// <para>
/// Reading is strict: malformed JSON, a missing or unknown <c>version</c>, a field the format does not define,
/// a value of the wrong type and a value the pattern model rejects all throw
/// <see cref="BreathPatternJsonException"/> with the JSON path of the value and what was expected there.
/// The schema of the format is published as <c>docs/breath-pattern.schema.json</c> (JSON Schema draft 2020-12).
/// </para>
/// <para>All members are thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// string json = BreathPatternJson.Serialize(BreathingTechniques.OceansBreath());
/// BreathPattern again = BreathPatternJson.Deserialize(json);
/// </code>
/// </example>
public static class BreathPatternJson
{
    /// <summary>The format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    // Far beyond any valid duration, yet small enough that converting to ticks cannot overflow.
    private const decimal MaximumReadableSeconds = 1_000_000_000m;
    private const int MaximumEchoLength = 40;

    private const string KindExpectation = "\"inhale\", \"holdAfterInhale\", \"exhale\" or \"holdAfterExhale\"";
    private const string AirwayExpectation = "\"unspecified\", \"nose\", \"mouth\" or \"throatConstricted\"";
    private const string LengthKindExpectation = "\"openEnded\", \"cycles\" or \"duration\"";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <summary>Writes <paramref name="pattern"/> as an indented JSON document.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    public static string Serialize(BreathPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return JsonSerializer.Serialize(ToDocument(pattern), BreathPatternJsonContext.Default.BreathPatternDocument);
    }

    /// <summary>Writes <paramref name="pattern"/> as a JSON object to <paramref name="writer"/> (e.g. inside a larger document).</summary>
    /// <param name="writer">The writer; its own options (such as indentation) apply.</param>
    /// <param name="pattern">The pattern.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, BreathPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pattern);
        JsonSerializer.Serialize(writer, ToDocument(pattern), BreathPatternJsonContext.Default.BreathPatternDocument);
    }

    /// <summary>Reads a pattern from a JSON document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="BreathPatternJsonException">
    /// The document is malformed or invalid; <see cref="BreathPatternJsonException.Path"/> locates the problem. When
    /// the pattern model rejects a value, the <see cref="InvalidBreathPatternException"/> is the inner exception.
    /// </exception>
    public static BreathPattern Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a pattern from a UTF-8 encoded JSON document.</summary>
    /// <param name="utf8Json">The UTF-8 bytes of the JSON text.</param>
    /// <returns>The validated pattern.</returns>
    /// <exception cref="BreathPatternJsonException">
    /// The document is malformed or invalid; <see cref="BreathPatternJsonException.Path"/> locates the problem.
    /// </exception>
    public static BreathPattern Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new BreathPatternJsonException("$", $"Malformed breath pattern JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {FirstSentence(ex.Message)}", ex)
            {
                LineNumber = ex.LineNumber,
                BytePositionInLine = ex.BytePositionInLine,
            };
        }

        using (document)
        {
            return FromElement(document.RootElement);
        }
    }

    /// <summary>Reads a pattern from an already parsed JSON value (e.g. part of a larger document).</summary>
    /// <param name="element">The pattern's JSON object.</param>
    /// <returns>The validated pattern.</returns>
    /// <exception cref="BreathPatternJsonException">
    /// The value is not a valid pattern document; <see cref="BreathPatternJsonException.Path"/> is relative to <paramref name="element"/>.
    /// </exception>
    public static BreathPattern Deserialize(JsonElement element) => FromElement(element);

    private static BreathPattern FromElement(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("$", $"a breath pattern object with \"version\": {CurrentVersion}", root);
        }

        CheckVersion(root);
        BreathPatternDocument? dto;
        try
        {
            dto = root.Deserialize(BreathPatternJsonContext.Default.BreathPatternDocument);
        }
        catch (JsonException ex)
        {
            throw FromSerializer(ex, root);
        }

        return ToPattern(dto!, root);
    }

    private static void CheckVersion(JsonElement root)
    {
        if (!root.TryGetProperty("version", out var version))
        {
            throw new BreathPatternJsonException("$.version", $"Invalid breath pattern JSON at $.version: expected the format version {CurrentVersion}, found no \"version\" field.");
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != CurrentVersion)
        {
            var detail = version.ValueKind == JsonValueKind.Number
                ? $"unsupported version {Echo(version)}; this library reads version {CurrentVersion}"
                : $"expected the format version {CurrentVersion}, found {Echo(version)}";
            throw new BreathPatternJsonException("$.version", $"Invalid breath pattern JSON at $.version: {detail}.");
        }
    }

    private static BreathPattern ToPattern(BreathPatternDocument dto, JsonElement root)
    {
        var name = dto.Name ?? throw Missing("$.name", "the pattern's name (a non-empty string)", root);
        var builder = Model(() => BreathPattern.Create(name));

        var phases = dto.Phases ?? throw Missing("$.phases", "an array of phases (at least one inhale and one exhale)", root);
        for (var i = 0; i < phases.Count; i++)
        {
            var path = $"$.phases[{i}]";
            var phase = phases[i] ?? throw Invalid(path, "a phase object", root);
            var kind = ParseKind(path + ".kind", phase.Kind ?? throw Missing(path + ".kind", KindExpectation, root), root);
            var duration = ToTimeSpan(path + ".duration", phase.Duration ?? throw Missing(path + ".duration", "a number of seconds", root), root);
            var airway = phase.Airway is null ? Airway.Unspecified : ParseAirway(path + ".airway", phase.Airway, root);
            var segments = phase.Segments;
            Action<BreathSegmentsBuilder>? addSegments = null;
            if (segments is not null)
            {
                addSegments = s =>
                {
                    for (var j = 0; j < segments.Count; j++)
                    {
                        var segmentPath = $"{path}.segments[{j}]";
                        var segment = segments[j] ?? throw Invalid(segmentPath, "a segment object", root);
                        var region = segment.Region ?? throw Missing(segmentPath + ".region", "the body region's id (a non-empty string)", root);
                        var share = segment.Share ?? throw Missing(segmentPath + ".share", "the segment's share of the phase (a number in (0, 1])", root);
                        s.Add(region, share, segment.CueKey);
                    }
                };
            }

            Model(() => builder.Phase(kind, duration, airway, phase.CueKey, addSegments));
        }

        if (dto.Progression is { } progression)
        {
            var step = ToTimeSpan("$.progression.step", progression.Step ?? throw Missing("$.progression.step", "a number of seconds", root), root);
            var every = progression.EveryCycles ?? throw Missing("$.progression.everyCycles", "a whole number of cycles", root);
            var target = ToTimeSpan("$.progression.target", progression.Target ?? throw Missing("$.progression.target", "a number of seconds", root), root);
            Model(() => builder.WithProgression(BreathProgression.Lengthen(step, every, target)));
        }

        if (dto.DefaultLength is { } length)
        {
            var sessionLength = ToSessionLength(length, root);
            builder.WithDefaultLength(sessionLength);
        }

        return Model(builder.Build);
    }

    private static SessionLength ToSessionLength(SessionLengthDocument length, JsonElement root)
    {
        const string path = "$.defaultLength";
        var kind = length.Kind ?? throw Missing(path + ".kind", LengthKindExpectation, root);
        switch (kind)
        {
            case "openEnded":
                RejectExtra(path + ".cycles", length.Cycles is not null, "open-ended", root);
                RejectExtra(path + ".duration", length.Duration is not null, "open-ended", root);
                return SessionLength.OpenEnded;
            case "cycles":
                RejectExtra(path + ".duration", length.Duration is not null, "counted in cycles", root);
                var cycles = length.Cycles ?? throw Missing(path + ".cycles", "a whole number of cycles", root);
                return Model(() => SessionLength.Cycles(cycles));
            case "duration":
                RejectExtra(path + ".cycles", length.Cycles is not null, "timed", root);
                var seconds = length.Duration ?? throw Missing(path + ".duration", "a number of seconds", root);
                var duration = ToTimeSpan(path + ".duration", seconds, root);
                return Model(() => SessionLength.Of(duration));
            default:
                throw Invalid(path + ".kind", LengthKindExpectation, root);
        }
    }

    private static void RejectExtra(string path, bool present, string what, JsonElement root)
    {
        if (present)
        {
            throw new BreathPatternJsonException(path, $"Invalid breath pattern JSON at {path}: this field is not allowed when the session is {what}; found {Echo(Find(root, path))}.");
        }
    }

    private static BreathPhaseKind ParseKind(string path, string value, JsonElement root) => value switch
    {
        "inhale" => BreathPhaseKind.Inhale,
        "holdAfterInhale" => BreathPhaseKind.HoldAfterInhale,
        "exhale" => BreathPhaseKind.Exhale,
        "holdAfterExhale" => BreathPhaseKind.HoldAfterExhale,
        _ => throw Invalid(path, KindExpectation, root),
    };

    private static Airway ParseAirway(string path, string value, JsonElement root) => value switch
    {
        "unspecified" => Airway.Unspecified,
        "nose" => Airway.Nose,
        "mouth" => Airway.Mouth,
        "throatConstricted" => Airway.ThroatConstricted,
        _ => throw Invalid(path, AirwayExpectation, root),
    };

    internal static string KindName(BreathPhaseKind kind) => kind switch
    {
        BreathPhaseKind.Inhale => "inhale",
        BreathPhaseKind.HoldAfterInhale => "holdAfterInhale",
        BreathPhaseKind.Exhale => "exhale",
        _ => "holdAfterExhale",
    };

    private static string? AirwayName(Airway airway) => airway switch
    {
        Airway.Nose => "nose",
        Airway.Mouth => "mouth",
        Airway.ThroatConstricted => "throatConstricted",
        _ => null, // unspecified is the default and is left out
    };

    private static TimeSpan ToTimeSpan(string path, decimal seconds, JsonElement root)
    {
        if (Math.Abs(seconds) > MaximumReadableSeconds)
        {
            throw Invalid(path, "a number of seconds within the pattern limits", root);
        }

        return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
    }

    // Exact: a tick count divided by 10^7 is a decimal with at most 7 fraction digits, and decimal division
    // keeps the smallest scale that represents the result, so 4 s is written as 4, not 4.0000000.
    private static decimal ToSeconds(TimeSpan value) => (decimal)value.Ticks / TimeSpan.TicksPerSecond;

    private static BreathPatternDocument ToDocument(BreathPattern pattern) => new()
    {
        Version = CurrentVersion,
        Name = pattern.Name,
        Phases = pattern.Phases.Select(phase => (PhaseDocument?)new PhaseDocument
        {
            Kind = KindName(phase.Kind),
            Duration = ToSeconds(phase.Duration),
            Airway = AirwayName(phase.Airway),
            CueKey = phase.CueKey,
            Segments = phase.Segments.IsDefaultOrEmpty
                ? null
                : phase.Segments.Select(s => (SegmentDocument?)new SegmentDocument { Region = s.Region, Share = s.Share, CueKey = s.CueKey }).ToList(),
        }).ToList(),
        Progression = pattern.Progression is { } p
            ? new ProgressionDocument { Step = ToSeconds(p.Step), EveryCycles = p.EveryCycles, Target = ToSeconds(p.Target) }
            : null,
        DefaultLength = pattern.DefaultLength.Kind switch
        {
            SessionLengthKind.Cycles => new SessionLengthDocument { Kind = "cycles", Cycles = pattern.DefaultLength.CycleCount },
            SessionLengthKind.Duration => new SessionLengthDocument { Kind = "duration", Duration = ToSeconds(pattern.DefaultLength.Duration) },
            _ => new SessionLengthDocument { Kind = "openEnded" },
        },
    };

    // Runs a model call, reporting the model's own validation error at the matching JSON path.
    private static T Model<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (BreathValidationException ex)
        {
            var field = ex.Field.StartsWith("length.", StringComparison.Ordinal) ? "defaultLength." + ex.Field["length.".Length..] : ex.Field;
            var path = "$." + field;
            throw new BreathPatternJsonException(path, $"Invalid breath pattern JSON at {path} = {ex.Value}: {ex.Problem}", ex);
        }
    }

    // A required value that is absent or null: "found nothing" or "found null".
    private static BreathPatternJsonException Missing(string path, string expected, JsonElement root) => Invalid(path, expected, root);

    private static BreathPatternJsonException Invalid(string path, string expected, JsonElement root)
    {
        return new BreathPatternJsonException(path, $"Invalid breath pattern JSON at {path}: expected {expected}, found {Echo(Find(root, path))}.");
    }

    private static BreathPatternJsonException FromSerializer(JsonException ex, JsonElement root)
    {
        var path = ex.Path ?? "$";
        var (parent, property) = SplitLast(path);
        if (property is not null && KnownProperties(parent) is { } known && !known.Contains(property))
        {
            return new BreathPatternJsonException(path, $"Invalid breath pattern JSON at {path}: unknown field \"{property}\"; expected one of {string.Join(", ", known.Select(k => "\"" + k + "\""))}.", ex);
        }

        var found = Find(root, path);
        return new BreathPatternJsonException(path, $"Invalid breath pattern JSON at {path}: expected {ExpectedAt(parent, property)}, found {(found is { } value ? Echo(value) : "a value of the wrong type")}.", ex);
    }

    // What each field holds, for messages about values of the wrong type.
    private static string ExpectedAt(string parent, string? property) => property switch
    {
        null when IsItemOf(parent, ".segments") => "a segment object",
        null when IsItemOf(parent, ".phases") => "a phase object",
        null => "an object",
        "version" => $"the format version {CurrentVersion}",
        "name" or "region" => "a string",
        "kind" => parent == "$.defaultLength" ? LengthKindExpectation : KindExpectation,
        "airway" => AirwayExpectation,
        "cueKey" => "a string or null",
        "phases" => "an array of phases",
        "segments" => "an array of segments or null",
        "duration" or "step" or "target" => "a number of seconds",
        "share" => "a number in (0, 1]",
        "everyCycles" or "cycles" => "a whole number of cycles",
        "progression" => "a progression object or null",
        "defaultLength" => "a session length object or null",
        _ => "a valid value",
    };

    // Whether a path is an item of an array property, e.g. "$.phases[2]" of ".phases".
    private static bool IsItemOf(string path, string arrayProperty)
    {
        var bracket = path.LastIndexOf('[');
        return bracket > 0 && path.EndsWith(']') && path.AsSpan(0, bracket).EndsWith(arrayProperty, StringComparison.Ordinal);
    }

    // The properties the object at a path may have, taken from the generated metadata.
    private static IEnumerable<string>? KnownProperties(string objectPath)
    {
        var context = BreathPatternJsonContext.Default;
        var info = objectPath switch
        {
            "$" => (System.Text.Json.Serialization.Metadata.JsonTypeInfo)context.BreathPatternDocument,
            "$.progression" => context.ProgressionDocument,
            "$.defaultLength" => context.SessionLengthDocument,
            _ when objectPath.StartsWith("$.phases[", StringComparison.Ordinal) && objectPath.EndsWith(']') && !objectPath.Contains(".segments", StringComparison.Ordinal) => context.PhaseDocument,
            _ when objectPath.Contains(".segments[", StringComparison.Ordinal) && objectPath.EndsWith(']') => context.SegmentDocument,
            _ => null,
        };
        return info?.Properties.Select(p => p.Name).ToArray();
    }

    // Splits "$.phases[0].kind" into ("$.phases[0]", "kind") and "$.phases[0]" into ("$.phases[0]", null).
    private static (string Parent, string? Property) SplitLast(string path)
    {
        if (path.EndsWith("']", StringComparison.Ordinal))
        {
            var start = path.LastIndexOf("['", StringComparison.Ordinal);
            if (start > 0 && start + 2 <= path.Length - 2)
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
                    || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
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

    private static string Echo(JsonElement? element)
    {
        if (element is not { } value)
        {
            return "nothing";
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.Null => "null",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String => Truncate(value.GetRawText()),
            _ => Truncate(value.GetRawText()),
        };
    }

    private static string Truncate(string text) => text.Length <= MaximumEchoLength ? text : text[..MaximumEchoLength] + "…";

    private static string FirstSentence(string message)
    {
        // The reader's message repeats the position as "LineNumber: … | BytePositionInLine: …"; ours says it once.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
