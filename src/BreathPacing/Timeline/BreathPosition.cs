using BreathPacing.Patterns;

namespace BreathPacing.Timeline;

/// <summary>
/// Where a session stands at a moment of active time: cycle, phase, segment, progress within each,
/// and a lung volume for animation. A small immutable value; computing one allocates nothing.
/// </summary>
public readonly record struct BreathPosition
{
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
        double sessionProgress)
    {
        Elapsed = elapsed;
        CycleIndex = cycleIndex;
        PhaseIndex = phaseIndex;
        Phase = phase;
        PhaseStart = phaseStart;
        PhaseDuration = phaseDuration;
        SegmentIndex = segmentIndex;
        SegmentProgress = segmentProgress;
        LungVolume = lungVolume;
        IsComplete = isComplete;
        SessionProgress = sessionProgress;
    }

    /// <summary>The active time since the session started (pauses excluded).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The zero-based cycle.</summary>
    public int CycleIndex { get; }

    /// <summary>The zero-based index of the phase within the cycle.</summary>
    public int PhaseIndex { get; }

    /// <summary>The phase's definition.</summary>
    public BreathPhase Phase { get; }

    /// <summary>What the breath is doing.</summary>
    public BreathPhaseKind PhaseKind => Phase.Kind;

    /// <summary>The active-time offset at which this phase started.</summary>
    public TimeSpan PhaseStart { get; }

    /// <summary>The phase's duration in this cycle (a progression may lengthen it).</summary>
    public TimeSpan PhaseDuration { get; }

    /// <summary>The active time spent in this phase so far.</summary>
    public TimeSpan PhaseElapsed => Elapsed - PhaseStart < PhaseDuration ? Elapsed - PhaseStart : PhaseDuration;

    /// <summary>The time left in this phase.</summary>
    public TimeSpan PhaseRemaining => PhaseDuration - PhaseElapsed;

    /// <summary>The fraction of the phase done, in [0, 1].</summary>
    public double PhaseProgress => (double)PhaseElapsed.Ticks / PhaseDuration.Ticks;

    /// <summary>The zero-based index of the current segment, or -1 when the phase has no segments.</summary>
    public int SegmentIndex { get; }

    /// <summary>The current segment, or <see langword="null"/> when the phase has none.</summary>
    public BreathSegment? Segment => SegmentIndex < 0 ? null : Phase.Segments[SegmentIndex];

    /// <summary>The fraction of the current segment done, in [0, 1]; 0 when the phase has no segments.</summary>
    public double SegmentProgress { get; }

    /// <summary>
    /// How full the lungs are, in [0, 1]: it rises through inhales, stays level through holds and falls
    /// through exhales. Continuous across phase and cycle boundaries.
    /// </summary>
    public double LungVolume { get; }

    /// <summary>Whether the session has ended (only for sessions of finite length).</summary>
    public bool IsComplete { get; }

    /// <summary>The fraction of the whole session done, in [0, 1]; always 0 for an open-ended session.</summary>
    public double SessionProgress { get; }
}
