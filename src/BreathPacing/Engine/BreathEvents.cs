using System.Globalization;

namespace BreathPacing;

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
/// <see cref="SegmentStarted"/>. Immutable and thread-safe; equal when of the same kind with equal values.
/// </summary>
/// <remarks>
/// Only the engine creates events: each kind is a sealed class with read-only properties and no public
/// constructor, so new properties can be added in later versions without breaking callers (see docs/adr/0007).
/// Match on the type (<c>e is PhaseStarted p</c>) or on <see cref="Kind"/>.
/// </remarks>
public abstract class BreathEvent : IEquatable<BreathEvent>
{
    private protected BreathEvent(long sequence, TimeSpan offset)
    {
        Sequence = sequence;
        Offset = offset;
    }

    /// <summary>The event's zero-based position in its session's stream.</summary>
    public long Sequence { get; }

    /// <summary>
    /// The ideal active-time offset from the session start (pauses excluded). The event is never observed
    /// before the instant this offset maps to.
    /// </summary>
    public TimeSpan Offset { get; }

    /// <summary>Which kind of event this is.</summary>
    public abstract BreathEventKind Kind { get; }

    /// <summary>
    /// The cue key of the guidance to show for this event: a <see cref="PhaseStarted"/>'s phase cue or a
    /// <see cref="SegmentStarted"/>'s segment cue (or its phase's); <see langword="null"/> for other events and for
    /// phases without one. Look its text up in the grounding content catalog.
    /// </summary>
    public virtual string? CueKey => null;

    /// <inheritdoc />
    public bool Equals(BreathEvent? other) =>
        ReferenceEquals(this, other)
        || (other is not null && other.GetType() == GetType() && Sequence == other.Sequence && Offset == other.Offset && EqualsCore(other));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BreathEvent);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Sequence, Offset, HashCore());

    /// <summary>A short description for logs, e.g. <c>#3 PhaseStarted at 4 s: cycle 1, Exhale</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var details = Details();
        var head = string.Create(CultureInfo.InvariantCulture, $"#{Sequence} {Kind} at {Offset.TotalSeconds:0.###} s");
        return details.Length == 0 ? head : head + ": " + details;
    }

    private protected abstract bool EqualsCore(BreathEvent other);

    private protected virtual int HashCore() => 0;

    private protected virtual string Details() => string.Empty;
}

/// <summary>The session started. Always the first event, at offset zero.</summary>
public sealed class SessionStarted : BreathEvent
{
    internal SessionStarted(long sequence, TimeSpan offset, BreathPattern pattern, SessionLength length, int? totalCycles, TimeSpan? totalDuration)
        : base(sequence, offset)
    {
        Pattern = pattern;
        Length = length;
        TotalCycles = totalCycles;
        TotalDuration = totalDuration;
    }

    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SessionStarted;

    /// <summary>The pattern being paced.</summary>
    public BreathPattern Pattern { get; }

    /// <summary>The session length.</summary>
    public SessionLength Length { get; }

    /// <summary>The number of cycles, or <see langword="null"/> when open-ended.</summary>
    public int? TotalCycles { get; }

    /// <summary>The total active time, or <see langword="null"/> when open-ended.</summary>
    public TimeSpan? TotalDuration { get; }

    private protected override bool EqualsCore(BreathEvent other) =>
        other is SessionStarted o && Pattern.Equals(o.Pattern) && Length.Equals(o.Length) && TotalCycles == o.TotalCycles && TotalDuration == o.TotalDuration;

    private protected override int HashCore() => HashCode.Combine(Pattern, Length);

    private protected override string Details() => $"{Pattern.Name}, {Length}";
}

/// <summary>A phase started.</summary>
public sealed class PhaseStarted : BreathEvent
{
    internal PhaseStarted(long sequence, TimeSpan offset, int cycleIndex, int phaseIndex, BreathPhase phase, TimeSpan duration)
        : base(sequence, offset)
    {
        CycleIndex = cycleIndex;
        PhaseIndex = phaseIndex;
        Phase = phase;
        Duration = duration;
    }

    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.PhaseStarted;

    /// <summary>The zero-based cycle.</summary>
    public int CycleIndex { get; }

    /// <summary>The zero-based phase within the cycle.</summary>
    public int PhaseIndex { get; }

    /// <summary>The phase's definition.</summary>
    public BreathPhase Phase { get; }

    /// <summary>The phase's duration in this cycle (after any progression).</summary>
    public TimeSpan Duration { get; }

    /// <summary>What the breath does in this phase.</summary>
    public BreathPhaseKind PhaseKind => Phase.Kind;

    /// <summary>The airway used in this phase.</summary>
    public Airway Airway => Phase.Airway;

    /// <summary>The phase's cue key, e.g. <c>ocean.exhale</c>, or <see langword="null"/> when it has none.</summary>
    public override string? CueKey => Phase.CueKey;

    private protected override bool EqualsCore(BreathEvent other) =>
        other is PhaseStarted o && CycleIndex == o.CycleIndex && PhaseIndex == o.PhaseIndex && Phase.Equals(o.Phase) && Duration == o.Duration;

    private protected override int HashCore() => HashCode.Combine(CycleIndex, PhaseIndex, Duration);

    private protected override string Details() =>
        string.Create(CultureInfo.InvariantCulture, $"cycle {CycleIndex + 1}, {PhaseKind} for {Duration.TotalSeconds:0.###} s");
}

/// <summary>A body-region segment of a phase started.</summary>
public sealed class SegmentStarted : BreathEvent
{
    internal SegmentStarted(long sequence, TimeSpan offset, int cycleIndex, int phaseIndex, int segmentIndex, BreathPhase phase, TimeSpan duration)
        : base(sequence, offset)
    {
        CycleIndex = cycleIndex;
        PhaseIndex = phaseIndex;
        SegmentIndex = segmentIndex;
        Phase = phase;
        Duration = duration;
    }

    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SegmentStarted;

    /// <summary>The zero-based cycle.</summary>
    public int CycleIndex { get; }

    /// <summary>The zero-based phase within the cycle.</summary>
    public int PhaseIndex { get; }

    /// <summary>The zero-based segment within the phase.</summary>
    public int SegmentIndex { get; }

    /// <summary>The phase's definition.</summary>
    public BreathPhase Phase { get; }

    /// <summary>The segment's duration in this cycle.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The segment's definition.</summary>
    public BreathSegment Segment => Phase.Segments[SegmentIndex];

    /// <summary>The segment's body region, e.g. <see cref="BodyRegions.LowerBelly"/>.</summary>
    public string Region => Segment.Region;

    /// <summary>The cue key to show for this segment: the segment's own, or its phase's when the segment has none, or <see langword="null"/>.</summary>
    public override string? CueKey => Segment.CueKey ?? Phase.CueKey;

    private protected override bool EqualsCore(BreathEvent other) =>
        other is SegmentStarted o && CycleIndex == o.CycleIndex && PhaseIndex == o.PhaseIndex && SegmentIndex == o.SegmentIndex
        && Phase.Equals(o.Phase) && Duration == o.Duration;

    private protected override int HashCore() => HashCode.Combine(CycleIndex, PhaseIndex, SegmentIndex, Duration);

    private protected override string Details() =>
        string.Create(CultureInfo.InvariantCulture, $"cycle {CycleIndex + 1}, {Phase.Kind} {Region} for {Duration.TotalSeconds:0.###} s");
}

/// <summary>A cycle ended.</summary>
public sealed class CycleCompleted : BreathEvent
{
    internal CycleCompleted(long sequence, TimeSpan offset, int cycleIndex)
        : base(sequence, offset) => CycleIndex = cycleIndex;

    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.CycleCompleted;

    /// <summary>The zero-based cycle that ended.</summary>
    public int CycleIndex { get; }

    private protected override bool EqualsCore(BreathEvent other) => other is CycleCompleted o && CycleIndex == o.CycleIndex;

    private protected override int HashCore() => CycleIndex;

    private protected override string Details() => string.Create(CultureInfo.InvariantCulture, $"cycle {CycleIndex + 1}");
}

/// <summary>The session was paused: active time stops counting until it resumes. <see cref="BreathEvent.Offset"/> is the active time at which it paused.</summary>
public sealed class SessionPaused : BreathEvent
{
    internal SessionPaused(long sequence, TimeSpan offset)
        : base(sequence, offset)
    {
    }

    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SessionPaused;

    private protected override bool EqualsCore(BreathEvent other) => other is SessionPaused;
}

/// <summary>The session resumed after a pause. <see cref="BreathEvent.Offset"/> is the active time at which it resumed (the same as when it paused).</summary>
public sealed class SessionResumed : BreathEvent
{
    internal SessionResumed(long sequence, TimeSpan offset, TimeSpan pausedFor)
        : base(sequence, offset) => PausedFor = pausedFor;

    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SessionResumed;

    /// <summary>How long the pause lasted.</summary>
    public TimeSpan PausedFor { get; }

    private protected override bool EqualsCore(BreathEvent other) => other is SessionResumed o && PausedFor == o.PausedFor;

    private protected override int HashCore() => PausedFor.GetHashCode();

    private protected override string Details() => string.Create(CultureInfo.InvariantCulture, $"after {PausedFor.TotalSeconds:0.###} s");
}

/// <summary>
/// The session woke up late (the machine slept or the process was suspended, or a restored session caught up)
/// and, under <see cref="LateWakePolicy.SkipToNow"/>, jumped to the current position instead of replaying what it
/// missed. <see cref="BreathEvent.Offset"/> is the active time at which it caught up.
/// </summary>
public sealed class SessionSkippedAhead : BreathEvent
{
    internal SessionSkippedAhead(long sequence, TimeSpan offset, TimeSpan missedFrom, int missedEvents, BreathPosition position)
        : base(sequence, offset)
    {
        MissedFrom = missedFrom;
        MissedEvents = missedEvents;
        Position = position;
    }

    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SessionSkippedAhead;

    /// <summary>The ideal offset of the first missed event.</summary>
    public TimeSpan MissedFrom { get; }

    /// <summary>How many phase, segment and cycle events were not delivered.</summary>
    public int MissedEvents { get; }

    /// <summary>Where the session now stands.</summary>
    public BreathPosition Position { get; }

    private protected override bool EqualsCore(BreathEvent other) =>
        other is SessionSkippedAhead o && MissedFrom == o.MissedFrom && MissedEvents == o.MissedEvents && Position.Equals(o.Position);

    private protected override int HashCore() => HashCode.Combine(MissedFrom, MissedEvents);

    private protected override string Details() =>
        string.Create(CultureInfo.InvariantCulture, $"{MissedEvents} events missed from {MissedFrom.TotalSeconds:0.###} s");
}

/// <summary>The session ended, on its own or because it was stopped. Always the last event. <see cref="BreathEvent.Offset"/> is the active time at which it ended.</summary>
public sealed class SessionCompleted : BreathEvent
{
    internal SessionCompleted(long sequence, TimeSpan offset, BreathSessionSummary summary)
        : base(sequence, offset) => Summary = summary;

    /// <inheritdoc />
    public override BreathEventKind Kind => BreathEventKind.SessionCompleted;

    /// <summary>What the session amounted to.</summary>
    public BreathSessionSummary Summary { get; }

    private protected override bool EqualsCore(BreathEvent other) => other is SessionCompleted o && Summary.Equals(o.Summary);

    private protected override int HashCore() => Summary.GetHashCode();

    private protected override string Details() => Summary.ToString();
}
