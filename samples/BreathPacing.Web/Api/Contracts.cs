using System.Text.Json;
using System.Text.Json.Serialization;

namespace BreathPacing.Web.Api;

/// <summary>Starts a session. Give exactly one pattern source: <c>techniqueId</c>, <c>notation</c> or <c>pattern</c>.</summary>
/// <param name="TechniqueId">A built-in technique's id or alias, e.g. <c>three-part-breath</c> or <c>ujjayi</c>.</param>
/// <param name="Notation">A pattern in the compact notation, e.g. <c>4-7-8</c>.</param>
/// <param name="Pattern">A pattern in the library's JSON format.</param>
/// <param name="Cycles">How many cycles to breathe (at most one of cycles and minutes).</param>
/// <param name="Minutes">How many minutes to breathe, rounded up to a whole cycle.</param>
/// <param name="Progress">For a technique: lengthen the breath toward its target (a shortcut for <c>options.progress</c>).</param>
/// <param name="Seconds">For a technique: the starting seconds per inhale (a shortcut for <c>options.startSeconds</c>).</param>
/// <param name="Options">
/// For a technique: any of its options, as <c>GET /api/techniques</c> (<c>defaultOptions</c>) and <c>POST /api/practice/plan</c>
/// (<c>options</c>) write them: the shared <c>startSeconds</c>, <c>progress</c>, <c>targetSeconds</c>, <c>stepSeconds</c>,
/// <c>cyclesPerStep</c>, and the technique's own (e.g. Ocean's Breath's <c>exhaleRatio</c>). A field left out keeps the
/// technique's default.
/// </param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateSessionRequest(
    string? TechniqueId = null,
    string? Notation = null,
    JsonElement? Pattern = null,
    int? Cycles = null,
    double? Minutes = null,
    bool? Progress = null,
    double? Seconds = null,
    JsonElement? Options = null);

/// <summary>A started session.</summary>
/// <param name="Id">The session id.</param>
/// <param name="Name">The pattern's name.</param>
/// <param name="TechniqueId">The technique's id, when the pattern came from one.</param>
/// <param name="Visual">How the page draws it: <c>body</c> (body regions fill) or <c>wave</c>.</param>
/// <param name="StartedAt">The server's time when the session started.</param>
/// <param name="EventsUrl">Where its Server-Sent Events stream is.</param>
/// <param name="TotalCycles">The planned cycles, if known.</param>
/// <param name="TotalDurationMs">The planned active time in milliseconds, if known.</param>
/// <param name="Phases">The pattern's phases as first paced.</param>
/// <param name="Pattern">The pattern in the library's JSON format.</param>
public sealed record SessionCreated(
    string Id,
    string Name,
    string? TechniqueId,
    string Visual,
    DateTimeOffset StartedAt,
    string EventsUrl,
    int? TotalCycles,
    double? TotalDurationMs,
    IReadOnlyList<PhaseView> Phases,
    JsonElement Pattern);

/// <summary>A session's state after a control request.</summary>
/// <param name="Id">The session id.</param>
/// <param name="State">running, paused or completed.</param>
/// <param name="ElapsedMs">The active time so far, in milliseconds.</param>
public sealed record SessionStateView(string Id, string State, double ElapsedMs);

/// <summary>One phase of a pattern, for drawing.</summary>
/// <param name="Kind">inhale, holdAfterInhale, exhale or holdAfterExhale.</param>
/// <param name="DurationMs">Its duration in milliseconds (first cycle).</param>
/// <param name="Airway">How the breath passes.</param>
/// <param name="Segments">Its body-region segments, in order.</param>
public sealed record PhaseView(BreathPhaseKind Kind, double DurationMs, Airway Airway, IReadOnlyList<SegmentView> Segments)
{
    /// <summary>Describes <paramref name="phase"/>.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>Its view.</returns>
    public static PhaseView Of(BreathPhase phase) =>
        new(phase.Kind, phase.Duration.TotalMilliseconds, phase.Airway, phase.Segments.Select(static s => new SegmentView(s.Region, s.Share)).ToArray());

    /// <summary>Describes the phases of <paramref name="timeline"/>'s first cycle.</summary>
    /// <param name="timeline">The timeline.</param>
    /// <returns>One view per phase.</returns>
    public static IReadOnlyList<PhaseView> Of(BreathTimeline timeline) => timeline.Pattern.Phases.Select(Of).ToArray();
}

/// <summary>A body-region segment of a phase.</summary>
/// <param name="Region">The body region, e.g. lower-belly.</param>
/// <param name="Share">Its share of the phase, 0..1.</param>
public sealed record SegmentView(string Region, double Share);

/// <summary>Asks to parse a notation.</summary>
/// <param name="Notation">The notation, e.g. <c>4-7-8</c>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ParsePatternRequest(string? Notation = null);

/// <summary>A parsed pattern with its safety findings.</summary>
/// <param name="Pattern">The pattern in the library's JSON format.</param>
/// <param name="Name">The pattern's name.</param>
/// <param name="Notation">The pattern in canonical notation, when the notation can express it.</param>
/// <param name="Phases">Its phases.</param>
/// <param name="Analysis">Its breathing figures.</param>
/// <param name="Findings">What the gentle safety profile says about it.</param>
public sealed record ParsedPattern(JsonElement Pattern, string Name, string? Notation, IReadOnlyList<PhaseView> Phases, AnalysisView Analysis, IReadOnlyList<FindingView> Findings);

/// <summary>A pattern's breathing figures.</summary>
/// <param name="BreathsPerMinute">Cycles per minute.</param>
/// <param name="InhaleToExhaleRatio">Inhale time over exhale time.</param>
/// <param name="LongestHoldMs">The longest hold, in milliseconds.</param>
/// <param name="CycleDurationMs">One cycle, in milliseconds.</param>
/// <param name="ShortestBreathMs">The shortest inhale or exhale, in milliseconds.</param>
public sealed record AnalysisView(double BreathsPerMinute, double InhaleToExhaleRatio, double LongestHoldMs, double CycleDurationMs, double ShortestBreathMs);

/// <summary>A safety finding.</summary>
/// <param name="Severity">info or warning.</param>
/// <param name="Code">A stable code.</param>
/// <param name="Message">Plain-language advice.</param>
public sealed record FindingView(string Severity, string Code, string Message);
