
namespace BreathPacing.Web.Api;

/// <summary>
/// The data of one Server-Sent Event. Every payload has the event's <c>sequence</c> and <c>kind</c>, its ideal
/// active-time <c>offsetMs</c>, the server's clock when it was sent (<c>serverTime</c>) and the session's active
/// time at that moment (<c>elapsedMs</c>), from which a client maps active time onto its own clock.
/// </summary>
/// <remarks>
/// Drawing the breath needs no arithmetic of the client's own: phase and segment events carry the library's lung
/// volume and per-region fill (<see cref="BreathPosition.FillOf(int)"/>, regions in the order of
/// <see cref="SessionStartedPayload.Regions"/>) at the start and at the end of their span. Within a span every value
/// changes linearly in time, so interpolating between the two draws exactly what the library computes.
/// </remarks>
public abstract record EventPayload
{
    /// <summary>The engine's sequence number (also the SSE id).</summary>
    public required long Sequence { get; init; }

    /// <summary>The event kind (also the SSE event name).</summary>
    public required BreathEventKind Kind { get; init; }

    /// <summary>The ideal active-time offset from the session start, in milliseconds.</summary>
    public required double OffsetMs { get; init; }

    /// <summary>The server's clock when this event was sent.</summary>
    public required DateTimeOffset ServerTime { get; init; }

    /// <summary>The session's active time when this event was sent, in milliseconds.</summary>
    public required double ElapsedMs { get; init; }

    /// <summary>The session's state when this event was sent.</summary>
    public required BreathSessionState State { get; init; }
}

/// <summary>Data of <c>SessionStarted</c>.</summary>
public sealed record SessionStartedPayload : EventPayload
{
    /// <summary>The pattern's name.</summary>
    public required string Name { get; init; }

    /// <summary>The planned cycles, if known.</summary>
    public int? TotalCycles { get; init; }

    /// <summary>The planned active time in milliseconds, if known.</summary>
    public double? TotalDurationMs { get; init; }

    /// <summary>
    /// The body regions the pattern's segments name, in fill order (<see cref="BreathTimeline.Regions"/>), e.g.
    /// lower-belly, upper-belly, chest; empty when it has none. Every <c>fillsAt…</c> array lists fills in this order.
    /// </summary>
    public required IReadOnlyList<string> Regions { get; init; }
}

/// <summary>Data of <c>PhaseStarted</c>.</summary>
public sealed record PhaseStartedPayload : EventPayload
{
    /// <summary>The zero-based cycle.</summary>
    public required int CycleIndex { get; init; }

    /// <summary>The zero-based phase within the cycle.</summary>
    public required int PhaseIndex { get; init; }

    /// <summary>What the breath does.</summary>
    public required BreathPhaseKind PhaseKind { get; init; }

    /// <summary>How the breath passes.</summary>
    public required Airway Airway { get; init; }

    /// <summary>The phase's duration in this cycle, in milliseconds.</summary>
    public required double DurationMs { get; init; }

    /// <summary>The phase's cue key, if any.</summary>
    public string? CueKey { get; init; }

    /// <summary>The cue text to show, if any.</summary>
    public string? Cue { get; init; }

    /// <summary>The lung volume (0..1) as the phase starts; it changes linearly to <see cref="VolumeAtEnd"/>.</summary>
    public required double VolumeAtStart { get; init; }

    /// <summary>The lung volume (0..1) as the phase ends.</summary>
    public required double VolumeAtEnd { get; init; }

    /// <summary>
    /// Each region's fill (0..1) as the phase starts, in the order of <see cref="SessionStartedPayload.Regions"/>.
    /// For a phase without segments every region changes linearly to <see cref="FillsAtEnd"/>; a phase with segments
    /// is followed at once by its first <c>SegmentStarted</c>, whose span is the one to draw.
    /// </summary>
    public required IReadOnlyList<double> FillsAtStart { get; init; }

    /// <summary>Each region's fill (0..1) as the phase ends.</summary>
    public required IReadOnlyList<double> FillsAtEnd { get; init; }
}

/// <summary>Data of <c>SegmentStarted</c>.</summary>
public sealed record SegmentStartedPayload : EventPayload
{
    /// <summary>The zero-based cycle.</summary>
    public required int CycleIndex { get; init; }

    /// <summary>The zero-based phase within the cycle.</summary>
    public required int PhaseIndex { get; init; }

    /// <summary>The zero-based segment within the phase.</summary>
    public required int SegmentIndex { get; init; }

    /// <summary>What the breath does in the segment's phase.</summary>
    public required BreathPhaseKind PhaseKind { get; init; }

    /// <summary>The body region, e.g. lower-belly.</summary>
    public required string Region { get; init; }

    /// <summary>The segment's duration in this cycle, in milliseconds.</summary>
    public required double DurationMs { get; init; }

    /// <summary>The segment's cue key, if any.</summary>
    public string? CueKey { get; init; }

    /// <summary>The cue text to show, if any.</summary>
    public string? Cue { get; init; }

    /// <summary>
    /// Each region's fill (0..1) as the segment starts, in the order of <see cref="SessionStartedPayload.Regions"/>;
    /// every region changes linearly to <see cref="FillsAtEnd"/> over the segment.
    /// </summary>
    public required IReadOnlyList<double> FillsAtStart { get; init; }

    /// <summary>Each region's fill (0..1) as the segment ends.</summary>
    public required IReadOnlyList<double> FillsAtEnd { get; init; }
}

/// <summary>Data of <c>CycleCompleted</c>.</summary>
public sealed record CycleCompletedPayload : EventPayload
{
    /// <summary>The zero-based cycle that ended.</summary>
    public required int CycleIndex { get; init; }
}

/// <summary>Data of <c>SessionPaused</c>.</summary>
public sealed record SessionPausedPayload : EventPayload;

/// <summary>Data of <c>SessionResumed</c>.</summary>
public sealed record SessionResumedPayload : EventPayload
{
    /// <summary>How long the pause lasted, in milliseconds.</summary>
    public required double PausedForMs { get; init; }
}

/// <summary>Data of <c>SessionSkippedAhead</c>: the server woke late and jumped to the present.</summary>
public sealed record SessionSkippedAheadPayload : EventPayload
{
    /// <summary>The ideal offset of the first missed event, in milliseconds.</summary>
    public required double MissedFromMs { get; init; }

    /// <summary>How many events were not delivered.</summary>
    public required int MissedEvents { get; init; }

    /// <summary>The cycle now under way.</summary>
    public required int CycleIndex { get; init; }

    /// <summary>The phase now under way.</summary>
    public required int PhaseIndex { get; init; }

    /// <summary>What the breath does now.</summary>
    public required BreathPhaseKind PhaseKind { get; init; }

    /// <summary>When the current phase started, in active milliseconds.</summary>
    public required double PhaseStartMs { get; init; }

    /// <summary>The current phase's duration, in milliseconds.</summary>
    public required double PhaseDurationMs { get; init; }

    /// <summary>The current segment, or -1.</summary>
    public required int SegmentIndex { get; init; }

    /// <summary>The lung volume (0..1) at the start of the current phase; it changes linearly to <see cref="VolumeAtPhaseEnd"/>.</summary>
    public required double VolumeAtPhaseStart { get; init; }

    /// <summary>The lung volume (0..1) at the end of the current phase.</summary>
    public required double VolumeAtPhaseEnd { get; init; }

    /// <summary>Each region's fill (0..1) now, in the order of <see cref="SessionStartedPayload.Regions"/>; it holds until the next phase or segment event.</summary>
    public required IReadOnlyList<double> Fills { get; init; }
}

/// <summary>
/// Data of <c>SessionCompleted</c>: always the last event. What the session amounted to, as the library's
/// <see cref="BreathSessionSummary"/> says: whole cycles, how far into the next one it stopped and where (phase and
/// region), the pace the pattern set, and the time breathed and paused.
/// </summary>
public sealed record SessionCompletedPayload : EventPayload
{
    /// <summary>Whole cycles completed (<see cref="BreathSessionSummary.CompletedCycles"/>).</summary>
    public required int CompletedCycles { get; init; }

    /// <summary>The cycles the session was laid out for, or <see langword="null"/> when it was open-ended.</summary>
    public int? PlannedCycles { get; init; }

    /// <summary>
    /// How far into the next cycle the session stopped, in [0, 1) (<see cref="BreathSessionSummary.PartialCycle"/>): 0 when
    /// it ended on a cycle boundary, as every session that runs to its end does. <see cref="EndPosition"/> says where.
    /// </summary>
    public required double PartialCycle { get; init; }

    /// <summary>
    /// How many breaths one cycle holds (<see cref="BreathPattern.BreathsPerCycle"/>): 1 for Three-Part and Ocean's
    /// Breath; a pattern that breathes in and out twice a cycle has 2, so its <see cref="CompletedCycles"/> are twice as
    /// many breaths.
    /// </summary>
    public required int BreathsPerCycle { get; init; }

    /// <summary>Where the session stood when it ended (<see cref="BreathSessionSummary.EndPosition"/>).</summary>
    public required EndPositionPayload EndPosition { get; init; }

    /// <summary>
    /// The pace the pattern set, in breaths per minute (<see cref="BreathSessionSummary.PacedBreathsPerMinute"/>): for a
    /// steady pattern its own pace however early the session stopped; with a progression the average pace of the cycles
    /// breathed (<see cref="Progression"/>).
    /// </summary>
    public required double PacedBreathsPerMinute { get; init; }

    /// <summary>Whether the pattern lengthened its breaths as it went, so that <see cref="PacedBreathsPerMinute"/> is an average.</summary>
    public required bool Progression { get; init; }

    /// <summary>Active time breathed, in milliseconds.</summary>
    public required double ActiveTimeMs { get; init; }

    /// <summary>Time spent paused, in milliseconds.</summary>
    public required double PausedTimeMs { get; init; }

    /// <summary>Inhale time divided by exhale time per cycle.</summary>
    public required double InhaleToExhaleRatio { get; init; }

    /// <summary>Whether the session was stopped before its planned end.</summary>
    public required bool EndedEarly { get; init; }

    /// <summary>One self-care suggestion for afterwards, if the content model has one.</summary>
    public SelfCareView? SelfCare { get; init; }
}

/// <summary>Where a session stood when it ended.</summary>
/// <param name="CycleIndex">The zero-based cycle under way (after the last cycle when the session ran to its end).</param>
/// <param name="PhaseIndex">The zero-based phase within the cycle.</param>
/// <param name="PhaseKind">What the breath was doing.</param>
/// <param name="PhaseProgress">How far into the phase, 0..1.</param>
/// <param name="SegmentIndex">The zero-based segment within the phase, or -1 when the phase has none.</param>
/// <param name="Region">The segment's body region (e.g. <c>chest</c>), or <see langword="null"/>.</param>
public sealed record EndPositionPayload(int CycleIndex, int PhaseIndex, BreathPhaseKind PhaseKind, double PhaseProgress, int SegmentIndex, string? Region)
{
    /// <summary>Describes <paramref name="position"/>.</summary>
    /// <param name="position">The library's position.</param>
    /// <returns>Its payload.</returns>
    public static EndPositionPayload Of(BreathPosition position) =>
        new(position.CycleIndex, position.PhaseIndex, position.PhaseKind, position.PhaseProgress, position.SegmentIndex, position.Segment?.Region);
}

/// <summary>A self-care routine suggested after a session.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it is.</param>
public sealed record SelfCareView(string Id, string Name, string Description);
