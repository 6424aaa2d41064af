using System.Text.Json.Serialization;

namespace BreathPacing.Serialization;

// The wire shape of a breath pattern, version 1. These DTOs are deliberately dumb and nullable: every
// check lives in the mapping (BreathPatternJson) and the model's builder, so a missing field is reported
// with its JSON path and the same message as a builder call would give. Durations are decimal seconds
// (exact to the 100 ns tick); see docs/breath-pattern.schema.json.

/// <summary>The root object of a breath-pattern JSON document.</summary>
internal sealed class BreathPatternDocument
{
    [JsonPropertyOrder(0)]
    public int? Version { get; set; }

    [JsonPropertyOrder(1)]
    public string? Name { get; set; }

    [JsonPropertyOrder(2)]
    public List<PhaseDocument?>? Phases { get; set; }

    [JsonPropertyOrder(3)]
    public ProgressionDocument? Progression { get; set; }

    [JsonPropertyOrder(4)]
    public SessionLengthDocument? DefaultLength { get; set; }
}

/// <summary>One phase.</summary>
internal sealed class PhaseDocument
{
    [JsonPropertyOrder(0)]
    public string? Kind { get; set; }

    [JsonPropertyOrder(1)]
    public decimal? Duration { get; set; }

    [JsonPropertyOrder(2)]
    public string? Airway { get; set; }

    [JsonPropertyOrder(3)]
    public string? CueKey { get; set; }

    [JsonPropertyOrder(4)]
    public List<SegmentDocument?>? Segments { get; set; }
}

/// <summary>One body-region segment of a phase.</summary>
internal sealed class SegmentDocument
{
    [JsonPropertyOrder(0)]
    public string? Region { get; set; }

    [JsonPropertyOrder(1)]
    public double? Share { get; set; }

    [JsonPropertyOrder(2)]
    public string? CueKey { get; set; }
}

/// <summary>A progression.</summary>
internal sealed class ProgressionDocument
{
    [JsonPropertyOrder(0)]
    public decimal? Step { get; set; }

    [JsonPropertyOrder(1)]
    public int? EveryCycles { get; set; }

    [JsonPropertyOrder(2)]
    public decimal? Target { get; set; }
}

/// <summary>A session length: <c>{"kind":"openEnded"}</c>, <c>{"kind":"cycles","cycles":10}</c> or <c>{"kind":"duration","duration":300}</c>.</summary>
internal sealed class SessionLengthDocument
{
    [JsonPropertyOrder(0)]
    public string? Kind { get; set; }

    [JsonPropertyOrder(1)]
    public int? Cycles { get; set; }

    [JsonPropertyOrder(2)]
    public decimal? Duration { get; set; }
}

/// <summary>
/// Compile-time serialization metadata for the documents: no reflection, safe to trim and to compile ahead of time.
/// Strict: a property the document type does not define is an error.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    WriteIndented = true)]
[JsonSerializable(typeof(BreathPatternDocument))]
internal sealed partial class BreathPatternJsonContext : JsonSerializerContext
{
}
