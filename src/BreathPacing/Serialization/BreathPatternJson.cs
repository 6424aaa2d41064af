using System.Buffers;
using System.Text;
using System.Text.Json;

namespace BreathPacing.Serialization;

/// <summary>
/// Reads and writes breath patterns as versioned JSON documents (<c>"version": 1</c>, camelCase). No reflection: the
/// document is written with a <see cref="Utf8JsonWriter"/> and read by walking its <see cref="JsonElement"/> tree once,
/// so it is safe to trim and to compile ahead of time.
/// </summary>
/// <remarks>
/// <para>
/// Durations (<c>duration</c>, <c>step</c>, <c>target</c>, and a session's <c>duration</c>) are JSON numbers of
/// seconds. They are written exactly, as decimals with up to 7 fraction digits (one digit per 100 ns tick), so
/// every pattern round-trips to an equal pattern, tick for tick. When read, a duration is rounded to the nearest
/// tick (halves away from zero), then checked. Segment shares are written in the shortest form that reads back to the
/// same <see cref="double"/>.
/// </para>
/// <para>
/// Reading is strict: malformed JSON, comments, trailing commas, a missing or unknown <c>version</c>, a field the format
/// does not define, a field given twice, a value of the wrong type, text that is not valid UTF-8, and a value the pattern
/// model rejects all throw <see cref="BreathPatternJsonException"/> with the JSON path of the value and what was
/// expected there. Nothing else escapes. The schema of the format is published as <c>docs/breath-pattern.schema.json</c>
/// (JSON Schema draft 2020-12).
/// </para>
/// <para>All members are thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// var calm = BreathPattern.Create("calm").Inhale(TimeSpan.FromSeconds(4)).Exhale(TimeSpan.FromSeconds(6)).Build();
/// string json = BreathPatternJson.Serialize(calm);
/// BreathPattern again = BreathPatternJson.Deserialize(json);
/// </code>
/// </example>
public static class BreathPatternJson
{
    /// <summary>The format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    private const string KindExpectation = "\"inhale\", \"holdAfterInhale\", \"exhale\" or \"holdAfterExhale\"";
    private const string AirwayExpectation = "\"unspecified\", \"nose\", \"mouth\" or \"throatConstricted\"";
    private const string LengthKindExpectation = "\"openEnded\", \"cycles\" or \"duration\"";
    private const string SecondsExpectation = "a number of seconds";
    private const string CyclesExpectation = "a whole number of cycles";

    // The fields of each object, in the order they are written; a field not listed is an error.
    private static readonly string[] PatternFields = [Field.Version, Field.Name, Field.Phases, Field.Progression, Field.DefaultLength];
    private static readonly string[] PhaseFields = [Field.Kind, Field.Duration, Field.Airway, Field.CueKey, Field.Segments];
    private static readonly string[] SegmentFields = [Field.Region, Field.Share, Field.CueKey];
    private static readonly string[] ProgressionFields = [Field.Step, Field.EveryCycles, Field.Target];
    private static readonly string[] LengthFields = [Field.Kind, Field.Cycles, Field.Duration];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    private static readonly JsonWriterOptions IndentedOptions = new() { Indented = true };

    /// <summary>Writes <paramref name="pattern"/> as an indented JSON document.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    public static string Serialize(BreathPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, IndentedOptions))
        {
            Write(writer, pattern);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <paramref name="pattern"/> as a JSON object to <paramref name="writer"/> (e.g. inside a larger document).</summary>
    /// <param name="writer">The writer; its own options (such as indentation) apply.</param>
    /// <param name="pattern">The pattern.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, BreathPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pattern);
        writer.WriteStartObject();
        writer.WriteNumber(Field.Version, CurrentVersion);
        writer.WriteString(Field.Name, pattern.Name);
        writer.WriteStartArray(Field.Phases);
        foreach (var phase in pattern.Phases)
        {
            writer.WriteStartObject();
            writer.WriteString(Field.Kind, KindName(phase.Kind));
            writer.WriteNumber(Field.Duration, ExactSeconds.Of(phase.Duration));
            if (AirwayName(phase.Airway) is { } airway)
            {
                writer.WriteString(Field.Airway, airway);
            }

            if (phase.CueKey is { } cueKey)
            {
                writer.WriteString(Field.CueKey, cueKey);
            }

            if (!phase.Segments.IsDefaultOrEmpty)
            {
                writer.WriteStartArray(Field.Segments);
                foreach (var segment in phase.Segments)
                {
                    writer.WriteStartObject();
                    writer.WriteString(Field.Region, segment.Region);
                    writer.WriteNumber(Field.Share, segment.Share);
                    if (segment.CueKey is { } segmentCue)
                    {
                        writer.WriteString(Field.CueKey, segmentCue);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (pattern.Progression is { } progression)
        {
            writer.WriteStartObject(Field.Progression);
            writer.WriteNumber(Field.Step, ExactSeconds.Of(progression.Step));
            writer.WriteNumber(Field.EveryCycles, progression.EveryCycles);
            writer.WriteNumber(Field.Target, ExactSeconds.Of(progression.Target));
            writer.WriteEndObject();
        }

        writer.WriteStartObject(Field.DefaultLength);
        switch (pattern.DefaultLength.Kind)
        {
            case SessionLengthKind.Cycles:
                writer.WriteString(Field.Kind, LengthKind.Cycles);
                writer.WriteNumber(Field.Cycles, pattern.DefaultLength.CycleCount);
                break;
            case SessionLengthKind.Duration:
                writer.WriteString(Field.Kind, LengthKind.Duration);
                writer.WriteNumber(Field.Duration, ExactSeconds.Of(pattern.DefaultLength.Duration));
                break;
            default:
                writer.WriteString(Field.Kind, LengthKind.OpenEnded);
                break;
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Reads a pattern from a JSON document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="BreathPatternJsonException">
    /// The document is malformed or invalid; <see cref="BreathPatternJsonException.Path"/> locates the problem. When
    /// the pattern model rejects a value, its <see cref="BreathValidationException"/> is the inner exception.
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
    /// The document is malformed (including bytes that are not valid UTF-8) or invalid; <see cref="BreathPatternJsonException.Path"/>
    /// locates the problem. When the pattern model rejects a value, its <see cref="BreathValidationException"/> is the inner exception.
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
            return new Reader().Pattern(document.RootElement);
        }
    }

    /// <summary>Reads a pattern from an already parsed JSON value (e.g. part of a larger document).</summary>
    /// <param name="element">The pattern's JSON object.</param>
    /// <returns>The validated pattern.</returns>
    /// <exception cref="BreathPatternJsonException">
    /// The value is not a valid pattern document (a <see langword="default"/> element counts as missing);
    /// <see cref="BreathPatternJsonException.Path"/> is relative to <paramref name="element"/>.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The <see cref="JsonDocument"/> the element belongs to has been disposed.</exception>
    public static BreathPattern Deserialize(JsonElement element) => new Reader().Pattern(element);

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

    private static string FirstSentence(string message)
    {
        // The reader's message repeats the position as "LineNumber: … | BytePositionInLine: …"; ours says it once.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }

    private static class Field
    {
        public const string Version = "version";
        public const string Name = "name";
        public const string Phases = "phases";
        public const string Progression = "progression";
        public const string DefaultLength = "defaultLength";
        public const string Kind = "kind";
        public const string Duration = "duration";
        public const string Airway = "airway";
        public const string CueKey = "cueKey";
        public const string Segments = "segments";
        public const string Region = "region";
        public const string Share = "share";
        public const string Step = "step";
        public const string EveryCycles = "everyCycles";
        public const string Target = "target";
        public const string Cycles = "cycles";
    }

    private static class LengthKind
    {
        public const string OpenEnded = "openEnded";
        public const string Cycles = "cycles";
        public const string Duration = "duration";
    }

    /// <summary>
    /// One walk over a document: every value is read where it stands, so every error knows its JSON path. Values the
    /// JSON shape allows go through the public builder, whose own errors are reported at the path they came from.
    /// </summary>
    private sealed class Reader
    {
        // Far beyond any valid duration, yet small enough that converting to ticks cannot overflow.
        private const decimal MaximumReadableSeconds = 1_000_000_000m;

        private readonly List<int> _jsonIndexOfPhase = []; // the builder's phase k came from $.phases[_jsonIndexOfPhase[k]]
        private readonly Dictionary<string, string> _rounded = new(StringComparer.Ordinal); // path → seconds as given, when rounding changed them
        private int _phaseBeingAdded;

        public BreathPattern Pattern(JsonElement root)
        {
            var expectation = $"a breath pattern object with \"version\": {CurrentVersion}";
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Expected("$", expectation, root);
            }

            CheckVersion(root);
            var fields = Fields(root, "$", PatternFields);
            var name = RequiredString(fields[1], "$.name", "the pattern's name (a non-empty string)");
            var builder = Model(() => BreathPattern.Create(name));

            var phases = fields[2];
            if (phases.ValueKind != JsonValueKind.Array)
            {
                throw Expected("$.phases", "an array of phases (at least one inhale and one exhale)", phases);
            }

            var index = 0;
            foreach (var phase in phases.EnumerateArray())
            {
                Phase(builder, phase, index++);
            }

            if (IsPresent(fields[3]))
            {
                var progression = Progression(fields[3]);
                Model(() => builder.WithProgression(progression));
            }

            if (IsPresent(fields[4]))
            {
                builder.WithDefaultLength(Length(fields[4]));
            }

            return Model(builder.Build);
        }

        private static void CheckVersion(JsonElement root)
        {
            JsonElement? version = null;
            foreach (var property in root.EnumerateObject())
            {
                if (NameIs(property, Field.Version))
                {
                    version = property.Value;
                    break;
                }
            }

            if (version is not { } value)
            {
                throw new BreathPatternJsonException("$.version", $"Invalid breath pattern JSON at $.version: expected the format version {CurrentVersion}, found no \"version\" field.");
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number != CurrentVersion)
            {
                var detail = value.ValueKind == JsonValueKind.Number
                    ? $"unsupported version {Echo(value)}; this library reads version {CurrentVersion}"
                    : $"expected the format version {CurrentVersion}, found {Echo(value)}";
                throw new BreathPatternJsonException("$.version", $"Invalid breath pattern JSON at $.version: {detail}.");
            }
        }

        private void Phase(BreathPatternBuilder builder, JsonElement element, int index)
        {
            var path = $"$.phases[{index}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Expected(path, "a phase object", element);
            }

            var fields = Fields(element, path, PhaseFields);
            var kindPath = path + "." + Field.Kind;
            var kind = RequiredString(fields[0], kindPath, KindExpectation) switch
            {
                "inhale" => BreathPhaseKind.Inhale,
                "holdAfterInhale" => BreathPhaseKind.HoldAfterInhale,
                "exhale" => BreathPhaseKind.Exhale,
                "holdAfterExhale" => BreathPhaseKind.HoldAfterExhale,
                _ => throw Expected(kindPath, KindExpectation, fields[0]),
            };
            var duration = RequiredSeconds(fields[1], path + "." + Field.Duration);
            var airwayPath = path + "." + Field.Airway;
            var airway = OptionalString(fields[2], airwayPath, AirwayExpectation) switch
            {
                null or "unspecified" => Airway.Unspecified,
                "nose" => Airway.Nose,
                "mouth" => Airway.Mouth,
                "throatConstricted" => Airway.ThroatConstricted,
                _ => throw Expected(airwayPath, AirwayExpectation, fields[2]),
            };
            var cueKey = OptionalString(fields[3], path + "." + Field.CueKey, "a string or null");
            var segments = Segments(fields[4], path + "." + Field.Segments);

            _phaseBeingAdded = index;
            var before = builder.Count;
            Model(() => builder.Phase(kind, duration, airway, cueKey, segments is null ? null : s =>
            {
                foreach (var (region, share, segmentCue) in segments)
                {
                    s.Add(region, share, segmentCue);
                }
            }));

            if (builder.Count > before)
            {
                _jsonIndexOfPhase.Add(index); // a 0 s hold adds no phase
            }
        }

        private static List<(string Region, double Share, string? CueKey)>? Segments(JsonElement element, string path)
        {
            if (!IsPresent(element))
            {
                return null;
            }

            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Expected(path, "an array of segments or null", element);
            }

            var segments = new List<(string, double, string?)>();
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                var itemPath = $"{path}[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw Expected(itemPath, "a segment object", item);
                }

                var fields = Fields(item, itemPath, SegmentFields);
                var region = RequiredString(fields[0], itemPath + "." + Field.Region, "the body region's id (a non-empty string)");
                var share = RequiredShare(fields[1], itemPath + "." + Field.Share);
                var cueKey = OptionalString(fields[2], itemPath + "." + Field.CueKey, "a string or null");
                segments.Add((region, share, cueKey));
            }

            return segments;
        }

        private BreathProgression Progression(JsonElement element)
        {
            const string path = "$." + Field.Progression;
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Expected(path, "a progression object or null", element);
            }

            var fields = Fields(element, path, ProgressionFields);
            var step = RequiredSeconds(fields[0], path + "." + Field.Step);
            var every = RequiredInt(fields[1], path + "." + Field.EveryCycles, CyclesExpectation);
            var target = RequiredSeconds(fields[2], path + "." + Field.Target);
            return Model(() => BreathProgression.Lengthen(step, every, target));
        }

        private SessionLength Length(JsonElement element)
        {
            const string path = "$." + Field.DefaultLength;
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Expected(path, "a session length object or null", element);
            }

            var fields = Fields(element, path, LengthFields);
            var kindPath = path + "." + Field.Kind;
            var kind = RequiredString(fields[0], kindPath, LengthKindExpectation);
            var cyclesPath = path + "." + Field.Cycles;
            var durationPath = path + "." + Field.Duration;
            switch (kind)
            {
                case LengthKind.OpenEnded:
                    RejectExtra(fields[1], cyclesPath, "open-ended");
                    RejectExtra(fields[2], durationPath, "open-ended");
                    return SessionLength.OpenEnded;
                case LengthKind.Cycles:
                    RejectExtra(fields[2], durationPath, "counted in cycles");
                    var cycles = RequiredInt(fields[1], cyclesPath, CyclesExpectation);
                    return Model(() => SessionLength.Cycles(cycles));
                case LengthKind.Duration:
                    RejectExtra(fields[1], cyclesPath, "timed");
                    var duration = RequiredSeconds(fields[2], durationPath);
                    return Model(() => SessionLength.Of(duration));
                default:
                    throw Expected(kindPath, LengthKindExpectation, fields[0]);
            }
        }

        private static void RejectExtra(JsonElement element, string path, string what)
        {
            if (IsPresent(element))
            {
                throw new BreathPatternJsonException(path, $"Invalid breath pattern JSON at {path}: this field is not allowed when the session is {what}; found {Echo(element)}.");
            }
        }

        // The fields of an object, by their index in `names` (default, i.e. Undefined, when absent). A field the format
        // does not define, or one given twice, is an error at its own path.
        private static JsonElement[] Fields(JsonElement element, string path, string[] names)
        {
            var values = new JsonElement[names.Length];
            foreach (var property in element.EnumerateObject())
            {
                var index = Array.FindIndex(names, name => NameIs(property, name));
                if (index < 0)
                {
                    var name = PropertyName(property, path);
                    var expected = string.Join(", ", names.Select(n => "\"" + n + "\""));
                    var fieldPath = ChildPath(path, name);
                    throw new BreathPatternJsonException(fieldPath, $"Invalid breath pattern JSON at {fieldPath}: unknown field {UserText.Quote(name)}; expected one of {expected}.");
                }

                if (values[index].ValueKind != JsonValueKind.Undefined)
                {
                    var fieldPath = path + "." + names[index];
                    throw new BreathPatternJsonException(fieldPath, $"Invalid breath pattern JSON at {fieldPath}: the field \"{names[index]}\" appears more than once; give each field once.");
                }

                values[index] = property.Value;
            }

            return values;
        }

        private static bool NameIs(JsonProperty property, string name)
        {
            try
            {
                return property.NameEquals(name);
            }
            catch (InvalidOperationException)
            {
                return false; // a name that is not valid text is no known field; it is reported as unknown
            }
        }

        private static string PropertyName(JsonProperty property, string path)
        {
            try
            {
                return property.Name;
            }
            catch (InvalidOperationException ex)
            {
                throw new BreathPatternJsonException(path, $"Invalid breath pattern JSON at {path}: a field name is not valid text (invalid UTF-8 or an unpaired surrogate escape).", ex);
            }
        }

        private static bool IsPresent(JsonElement element) => element.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);

        private static string RequiredString(JsonElement element, string path, string expected) =>
            element.ValueKind == JsonValueKind.String ? Text(element, path, expected) : throw Expected(path, expected, element);

        private static string? OptionalString(JsonElement element, string path, string expected) => element.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.String => Text(element, path, expected),
            _ => throw Expected(path, expected, element),
        };

        private static string Text(JsonElement element, string path, string expected)
        {
            try
            {
                return element.GetString()!;
            }
            catch (InvalidOperationException ex)
            {
                throw new BreathPatternJsonException(path, $"Invalid breath pattern JSON at {path}: expected {expected}, found a string that is not valid UTF-8 (or has an unpaired surrogate escape).", ex);
            }
        }

        private TimeSpan RequiredSeconds(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetDecimal(out var seconds))
            {
                throw Expected(path, SecondsExpectation, element);
            }

            if (Math.Abs(seconds) > MaximumReadableSeconds)
            {
                throw Expected(path, SecondsExpectation + " within the pattern limits", element);
            }

            var duration = TimeSpan.FromTicks(BreathPacing.ExactSeconds.Ticks(seconds));
            if (BreathPacing.ExactSeconds.Of(duration) != seconds)
            {
                _rounded[path] = BreathPacing.ExactSeconds.Number(seconds); // shown as given if the model refuses the rounded value
            }

            return duration;
        }

        private static int RequiredInt(JsonElement element, string path, string expected) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) ? value : throw Expected(path, expected, element);

        private static double RequiredShare(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value)
                ? value
                : throw Expected(path, "the segment's share of the phase (a number in (0, 1])", element);

        // Runs a model call, reporting the model's own validation error at the JSON path its value came from.
        private T Model<T>(Func<T> call)
        {
            try
            {
                return call();
            }
            catch (BreathValidationException ex)
            {
                var path = "$." + JsonField(ex.Field);
                var value = _rounded.TryGetValue(path, out var given) ? $"{given} s (read as {ex.Value})" : ex.Value;
                throw new BreathPatternJsonException(path, $"Invalid breath pattern JSON at {path} = {value}: {ex.Problem}", ex);
            }
        }

        // The model names fields as the builder saw them: "phases[k]" counts only the phases it holds (a 0 s hold is
        // none), and a session length is "length". Map both back to the document.
        private string JsonField(string field)
        {
            if (field == "length" || field.StartsWith("length.", StringComparison.Ordinal))
            {
                return Field.DefaultLength + field["length".Length..];
            }

            const string prefix = "phases[";
            if (field.StartsWith(prefix, StringComparison.Ordinal))
            {
                var close = field.IndexOf(']', StringComparison.Ordinal);
                if (close > 0 && int.TryParse(field.AsSpan(prefix.Length, close - prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k))
                {
                    var index = k < _jsonIndexOfPhase.Count ? _jsonIndexOfPhase[k] : _phaseBeingAdded;
                    return $"{prefix}{index}{field[close..]}";
                }
            }

            return field;
        }

        private static BreathPatternJsonException Expected(string path, string expected, JsonElement found) =>
            new(path, $"Invalid breath pattern JSON at {path}: expected {expected}, found {Echo(found)}.");

        private static string Echo(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Undefined:
                    return "nothing";
                case JsonValueKind.Object:
                    return "an object";
                case JsonValueKind.Array:
                    return "an array";
                case JsonValueKind.Null:
                    return "null";
                case JsonValueKind.True:
                    return "true";
                case JsonValueKind.False:
                    return "false";
                case JsonValueKind.String:
                    try
                    {
                        return UserText.Quote(element.GetString());
                    }
                    catch (InvalidOperationException)
                    {
                        return "a string that is not valid UTF-8";
                    }

                default:
                    var number = element.GetRawText();
                    return number.Length <= UserText.EchoLength ? number : $"{number[..UserText.EchoLength]}… ({number.Length} characters)";
            }
        }

        // "$.name" for a plain name; "$['odd name']" otherwise, shown safely and shortened like any echoed value.
        private static string ChildPath(string parent, string name)
        {
            var plain = name.Length is > 0 and <= UserText.EchoLength
                && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '$');
            if (plain)
            {
                return parent + "." + name;
            }

            var cut = name.Length > UserText.EchoLength;
            var shown = cut ? name[..(char.IsHighSurrogate(name[UserText.EchoLength - 1]) ? UserText.EchoLength - 1 : UserText.EchoLength)] : name;
            var text = new StringBuilder(parent).Append("['");
            UserText.AppendSafe(text, shown.Replace("'", "\\'", StringComparison.Ordinal), escapeQuotes: false);
            return text.Append(cut ? "…']" : "']").ToString();
        }
    }
}
