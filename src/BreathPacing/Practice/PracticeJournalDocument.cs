using System.Text.Json.Serialization;

namespace BreathPacing.Practice;

// The wire shape of a practice journal, version 1 (docs/practice-journal.schema.json). Like the pattern format's DTOs
// these are dumb and nullable: every check lives in PracticeJournalJson and PracticeRecord, so a problem is reported
// with its JSON path and the same words as in code.

/// <summary>The root object of a practice journal document.</summary>
internal sealed class PracticeJournalDocument
{
    [JsonPropertyOrder(0)]
    public int? Version { get; set; }

    [JsonPropertyOrder(1)]
    public List<PracticeRecordDocument?>? Records { get; set; }
}

/// <summary>One record.</summary>
internal sealed class PracticeRecordDocument
{
    [JsonPropertyOrder(0)]
    public string? EndedAt { get; set; }

    [JsonPropertyOrder(1)]
    public string? TechniqueId { get; set; }

    [JsonPropertyOrder(2)]
    public string? PatternName { get; set; }

    [JsonPropertyOrder(3)]
    public PracticeOptionsDocument? Options { get; set; }

    [JsonPropertyOrder(4)]
    public double? StartSeconds { get; set; }

    [JsonPropertyOrder(5)]
    public double? ReachedInhaleSeconds { get; set; }

    [JsonPropertyOrder(6)]
    public double? ReachedExhaleSeconds { get; set; }

    [JsonPropertyOrder(7)]
    public int? PlannedCycles { get; set; }

    [JsonPropertyOrder(8)]
    public int? CompletedCycles { get; set; }

    [JsonPropertyOrder(9)]
    public decimal? ActiveSeconds { get; set; }

    [JsonPropertyOrder(10)]
    public bool? EndedEarly { get; set; }

    [JsonPropertyOrder(11)]
    public string? Feeling { get; set; }
}

/// <summary>The options of a technique: the shared settings, and what the built-in option types add.</summary>
internal sealed class PracticeOptionsDocument
{
    [JsonPropertyOrder(0)]
    public string? Kind { get; set; }

    [JsonPropertyOrder(1)]
    public double? StartSeconds { get; set; }

    [JsonPropertyOrder(2)]
    public bool? Progress { get; set; }

    [JsonPropertyOrder(3)]
    public double? TargetSeconds { get; set; }

    [JsonPropertyOrder(4)]
    public double? StepSeconds { get; set; }

    [JsonPropertyOrder(5)]
    public int? CyclesPerStep { get; set; }

    [JsonPropertyOrder(6)]
    public double? ExhaleRatio { get; set; }
}

/// <summary>Compile-time serialization metadata: no reflection, safe to trim and to compile ahead of time. Strict.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    WriteIndented = true)]
[JsonSerializable(typeof(PracticeJournalDocument))]
internal sealed partial class PracticeJournalJsonContext : JsonSerializerContext
{
}
