using System.Collections.Immutable;

namespace BreathPacing;

/// <summary>
/// Where a session stands at a moment of active time: cycle, phase, segment, progress within each,
/// and a lung volume for animation. A small immutable value; computing one allocates nothing.
/// </summary>
/// <remarks>
/// <see cref="BreathTimeline.At"/> makes every position a session can be in. <c>default(BreathPosition)</c> stands for
/// no position at all (e.g. a field not yet set); every member is safe to read on it: <see cref="Phase"/> is
/// <see langword="null"/>, <see cref="PhaseIndex"/> and <see cref="SegmentIndex"/> are -1, <see cref="PhaseKind"/> is
/// <see cref="BreathPhaseKind.Inhale"/> (the first value), times, progress and volume are zero, it has no regions and is
/// not complete.
/// </remarks>
public readonly record struct BreathPosition
{
    private readonly RegionFills? _fills;

    // Stored one higher than reported, so that default(BreathPosition) reports -1: no phase, no segment.
    private readonly int _phaseIndexPlusOne;
    private readonly int _segmentIndexPlusOne;

    internal BreathPosition(
        TimeSpan elapsed,
        int cycleIndex,
        int phaseIndex,
        BreathPhase phase,
        TimeSpan phaseStart,
        TimeSpan phaseDuration,
        int segmentIndex,
        double segmentProgress,
        double lungVolume,
        bool isComplete,
        double sessionProgress,
        RegionFills? fills)
    {
        _fills = fills;
        _phaseIndexPlusOne = phaseIndex + 1;
        _segmentIndexPlusOne = segmentIndex + 1;
        Elapsed = elapsed;
        CycleIndex = cycleIndex;
        Phase = phase;
        PhaseStart = phaseStart;
        PhaseDuration = phaseDuration;
        SegmentProgress = segmentProgress;
        LungVolume = lungVolume;
        IsComplete = isComplete;
        SessionProgress = sessionProgress;
    }

    /// <summary>The active time since the session started (pauses excluded).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The zero-based cycle.</summary>
    public int CycleIndex { get; }

    /// <summary>The zero-based index of the phase within the cycle; -1 only for <c>default(BreathPosition)</c>.</summary>
    public int PhaseIndex => _phaseIndexPlusOne - 1;

    /// <summary>The phase's definition; <see langword="null"/> only for <c>default(BreathPosition)</c>.</summary>
    public BreathPhase? Phase { get; }

    /// <summary>What the breath is doing (<see cref="BreathPhaseKind.Inhale"/> for <c>default(BreathPosition)</c>).</summary>
    public BreathPhaseKind PhaseKind => Phase?.Kind ?? BreathPhaseKind.Inhale;

    /// <summary>The active-time offset at which this phase started.</summary>
    public TimeSpan PhaseStart { get; }

    /// <summary>The phase's duration in this cycle (a progression may lengthen it).</summary>
    public TimeSpan PhaseDuration { get; }

    /// <summary>The active time spent in this phase so far.</summary>
    public TimeSpan PhaseElapsed => Elapsed - PhaseStart < PhaseDuration ? Elapsed - PhaseStart : PhaseDuration;

    /// <summary>The time left in this phase.</summary>
    public TimeSpan PhaseRemaining => PhaseDuration - PhaseElapsed;

    /// <summary>The fraction of the phase done, in [0, 1].</summary>
    public double PhaseProgress => PhaseDuration.Ticks == 0 ? 0 : (double)PhaseElapsed.Ticks / PhaseDuration.Ticks;

    /// <summary>The zero-based index of the current segment, or -1 when the phase has no segments.</summary>
    public int SegmentIndex => _segmentIndexPlusOne - 1;

    /// <summary>The current segment, or <see langword="null"/> when the phase has none.</summary>
    public BreathSegment? Segment => SegmentIndex < 0 || Phase is null ? null : Phase.Segments[SegmentIndex];

    /// <summary>The fraction of the current segment done, in [0, 1]; 0 when the phase has no segments.</summary>
    public double SegmentProgress { get; }

    /// <summary>
    /// How full the lungs are, in [0, 1]: it rises through inhales, stays level through holds and falls
    /// through exhales. Continuous across phase and cycle boundaries.
    /// </summary>
    public double LungVolume { get; }

    /// <summary>The body regions of the pattern, in fill order; empty when it has no segments. See <see cref="BreathTimeline.Regions"/>.</summary>
    public ImmutableArray<string> Regions => _fills?.Regions ?? [];

    /// <summary>
    /// How full <paramref name="region"/> is, in [0, 1]. The pattern's regions share the lungs equally, so their mean fill
    /// is <see cref="LungVolume"/>: during a segment its region fills (inhale) or empties (exhale) by the segment's share of
    /// the phase; a phase without segments fills regions bottom-up and empties them top-down; through a hold every region
    /// stays as it is. Within a segment every region changes linearly in time. Allocation-free.
    /// </summary>
    /// <param name="region">A region name, e.g. <see cref="BodyRegions.Chest"/>.</param>
    /// <returns>The fill; 0 for a region the pattern does not name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="region"/> is <see langword="null"/>.</exception>
    public double FillOf(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var index = _fills is null ? -1 : _fills.Regions.IndexOf(region, StringComparer.Ordinal);
        return index < 0 ? 0 : FillOf(index);
    }

    /// <summary>How full the region at <paramref name="regionIndex"/> of <see cref="Regions"/> is, in [0, 1]; see <see cref="FillOf(string)"/>.</summary>
    /// <param name="regionIndex">The zero-based index into <see cref="Regions"/>.</param>
    /// <returns>The fill.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="regionIndex"/> is out of range (always, for a position without regions).</exception>
    public double FillOf(int regionIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(regionIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(regionIndex, Regions.Length);
        return _fills!.At(regionIndex, PhaseIndex, SegmentIndex, SegmentIndex < 0 ? PhaseProgress : SegmentProgress);
    }

    /// <summary>Whether the session has ended (only for sessions of finite length).</summary>
    public bool IsComplete { get; }

    /// <summary>The fraction of the whole session done, in [0, 1]; always 0 for an open-ended session.</summary>
    public double SessionProgress { get; }

    /// <summary>The same position, marked complete (a session stopped before its planned end is complete too).</summary>
    internal BreathPosition AsComplete() => IsComplete ? this : new BreathPosition(
        Elapsed, CycleIndex, PhaseIndex, Phase!, PhaseStart, PhaseDuration, SegmentIndex, SegmentProgress, LungVolume, true, SessionProgress, _fills);

    /// <inheritdoc />
    public bool Equals(BreathPosition other) =>
        Elapsed == other.Elapsed && CycleIndex == other.CycleIndex && _phaseIndexPlusOne == other._phaseIndexPlusOne && Equals(Phase, other.Phase)
        && PhaseStart == other.PhaseStart && PhaseDuration == other.PhaseDuration && _segmentIndexPlusOne == other._segmentIndexPlusOne
        && SegmentProgress.Equals(other.SegmentProgress) && LungVolume.Equals(other.LungVolume) && IsComplete == other.IsComplete
        && SessionProgress.Equals(other.SessionProgress) && Regions.AsSpan().SequenceEqual(other.Regions.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Elapsed, CycleIndex, _phaseIndexPlusOne, _segmentIndexPlusOne, IsComplete);
}
