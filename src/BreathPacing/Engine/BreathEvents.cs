using BreathPacing.Patterns;
using BreathPacing.Timeline;

namespace BreathPacing.Engine;

/// <summary>The kinds of <see cref="BreathEvent"/>, e.g. for naming events on the wire.</summary>
public enum BreathEventKind
{
    /// <summary>See <see cref="SessionStarted"/>.</summary>
    SessionStarted = 0,

    /// <summary>See <see cref="PhaseStarted"/>.</summary>
    PhaseStarted = 1,

    /// <summary>See <see cref="SegmentStarted"/>.</summary>
    SegmentStarted = 2,

    /// <summary>See <see cref="CycleCompleted"/>.</summary>
    CycleCompleted = 3,

    /// <summary>See <see cref="SessionPaused"/>.</summary>
    SessionPaused = 4,

    /// <summary>See <see cref="SessionResumed"/>.</summary>
    SessionResumed = 5,

    /// <summary>See <see cref="SessionSkippedAhead"/>.</summary>
    SessionSkippedAhead = 6,

    /// <summary>See <see cref="SessionCompleted"/>.</summary>
    SessionCompleted = 7,
}

/// <summary>
/// Something that happened in a session, stamped with its ideal active-time offset from the session
/// start. Events due at the same instant arrive in this order: <see cref="CycleCompleted"/>, then
/// <see cref="SessionCompleted"/> (at the end) or <see cref="PhaseStarted"/>, then the phase's first
/// <see cref="SegmentStarted"/>. Immutable and thread-safe.
/// </summary>
/// <param name="Sequence">The event's zero-based position in its session's stream.</param>
/// <param name="Offset">The ideal active-time offset from the session start (pauses excluded). The event is never observed before the instant this offset maps to.</param>
public abstract record BreathEvent(long Sequence, TimeSpan Offset)
{
    /// <summary>Which kind of event this is.</summary>
    public abstract BreathEventKind Kind { get; }
}

/// <summary>The session started. Always the first event.</summary>
/// <param name="Sequence">The event's position in the stream (0).</param>
/// <param name="Offset">Zero.</param>
/// <param name="Pattern">The pattern being paced.</param>
/// <param name="Length">The session length.</param>
/// <param name="TotalCycles">The number of cycles, or <see langword="null"/> when open-ended.</param>
/// <param name="TotalDuration">The total active time, or <see langword="null"/> when open-ended.</param>
public sealed record SessionStarted(long Sequence, TimeSpan Offset, BreathPattern Pattern, SessionLength Length, int? TotalCycles, TimeSpan? TotalDuration)
    : BreathEvent(Sequence, Offset)
{
    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SessionStarted;
}

/// <summary>A phase started.</summary>
/// <param name="Sequence">The event's position in the stream.</param>
/// <param name="Offset">The ideal active-time offset of the phase start.</param>
/// <param name="CycleIndex">The zero-based cycle.</param>
/// <param name="PhaseIndex">The zero-based phase within the cycle.</param>
/// <param name="Phase">The phase's definition.</param>
/// <param name="Duration">The phase's duration in this cycle (after any progression).</param>
public sealed record PhaseStarted(long Sequence, TimeSpan Offset, int CycleIndex, int PhaseIndex, BreathPhase Phase, TimeSpan Duration)
    : BreathEvent(Sequence, Offset)
{
    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.PhaseStarted;

    /// <summary>What the breath does in this phase.</summary>
    public BreathPhaseKind PhaseKind => Phase.Kind;

    /// <summary>The airway used in this phase.</summary>
    public Airway Airway => Phase.Airway;
}

/// <summary>A body-region segment of a phase started.</summary>
/// <param name="Sequence">The event's position in the stream.</param>
/// <param name="Offset">The ideal active-time offset of the segment start.</param>
/// <param name="CycleIndex">The zero-based cycle.</param>
/// <param name="PhaseIndex">The zero-based phase within the cycle.</param>
/// <param name="SegmentIndex">The zero-based segment within the phase.</param>
/// <param name="Phase">The phase's definition.</param>
/// <param name="Duration">The segment's duration in this cycle.</param>
public sealed record SegmentStarted(long Sequence, TimeSpan Offset, int CycleIndex, int PhaseIndex, int SegmentIndex, BreathPhase Phase, TimeSpan Duration)
    : BreathEvent(Sequence, Offset)
{
    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SegmentStarted;

    /// <summary>The segment's definition.</summary>
    public BreathSegment Segment => Phase.Segments[SegmentIndex];

    /// <summary>The segment's body region, e.g. <see cref="BodyRegions.LowerBelly"/>.</summary>
    public string Region => Segment.Region;
}

/// <summary>A cycle ended.</summary>
/// <param name="Sequence">The event's position in the stream.</param>
/// <param name="Offset">The ideal active-time offset of the cycle's end.</param>
/// <param name="CycleIndex">The zero-based cycle that ended.</param>
public sealed record CycleCompleted(long Sequence, TimeSpan Offset, int CycleIndex) : BreathEvent(Sequence, Offset)
{
    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.CycleCompleted;
}

/// <summary>The session was paused: active time stops counting until it resumes.</summary>
/// <param name="Sequence">The event's position in the stream.</param>
/// <param name="Offset">The active time at which it paused.</param>
public sealed record SessionPaused(long Sequence, TimeSpan Offset) : BreathEvent(Sequence, Offset)
{
    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SessionPaused;
}

/// <summary>The session resumed after a pause.</summary>
/// <param name="Sequence">The event's position in the stream.</param>
/// <param name="Offset">The active time at which it resumed (the same as when it paused).</param>
/// <param name="PausedFor">How long the pause lasted.</param>
public sealed record SessionResumed(long Sequence, TimeSpan Offset, TimeSpan PausedFor) : BreathEvent(Sequence, Offset)
{
    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SessionResumed;
}

/// <summary>
/// The session woke up late (the machine slept or the process was suspended) and, under
/// <see cref="LateWakePolicy.SkipToNow"/>, jumped to the current position instead of replaying what it missed.
/// </summary>
/// <param name="Sequence">The event's position in the stream.</param>
/// <param name="Offset">The active time at which the session caught up.</param>
/// <param name="MissedFrom">The ideal offset of the first missed event.</param>
/// <param name="MissedEvents">How many phase, segment and cycle events were not delivered.</param>
/// <param name="Position">Where the session now stands.</param>
public sealed record SessionSkippedAhead(long Sequence, TimeSpan Offset, TimeSpan MissedFrom, int MissedEvents, BreathPosition Position)
    : BreathEvent(Sequence, Offset)
{
    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SessionSkippedAhead;
}

/// <summary>The session ended, on its own or because it was stopped. Always the last event.</summary>
/// <param name="Sequence">The event's position in the stream.</param>
/// <param name="Offset">The active time at which it ended.</param>
/// <param name="Summary">What the session amounted to.</param>
public sealed record SessionCompleted(long Sequence, TimeSpan Offset, BreathSessionSummary Summary) : BreathEvent(Sequence, Offset)
{
    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SessionCompleted;
}

/// <summary>What a finished session amounted to.</summary>
/// <param name="CompletedCycles">Whole cycles completed.</param>
/// <param name="ActiveTime">Active time breathed (pauses excluded).</param>
/// <param name="PausedTime">Time spent paused.</param>
/// <param name="BreathsPerMinute">Completed cycles per minute of active time; 0 when no time passed.</param>
/// <param name="InhaleToExhaleRatio">Total inhale time divided by total exhale time per cycle, e.g. 0.5 for 1:2.</param>
/// <param name="EndedEarly">Whether the session was stopped before its planned end.</param>
public sealed record BreathSessionSummary(int CompletedCycles, TimeSpan ActiveTime, TimeSpan PausedTime, double BreathsPerMinute, double InhaleToExhaleRatio, bool EndedEarly);
