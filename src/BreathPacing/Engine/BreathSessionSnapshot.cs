using System.Collections.Immutable;
using System.Globalization;

namespace BreathPacing;

/// <summary>What a <see cref="BreathSessionChange"/> did to a session.</summary>
public enum BreathSessionChangeKind
{
    /// <summary>The session was paused at <see cref="BreathSessionChange.At"/>.</summary>
    Paused = 0,

    /// <summary>The session resumed at <see cref="BreathSessionChange.At"/> after <see cref="BreathSessionChange.PausedFor"/>.</summary>
    Resumed = 1,

    /// <summary>A late wake-up skipped from the boundary at <see cref="BreathSessionChange.SkippedFrom"/> to <see cref="BreathSessionChange.At"/>.</summary>
    SkippedAhead = 2,

    /// <summary>The session was stopped early at <see cref="BreathSessionChange.At"/>, ending a pause of <see cref="BreathSessionChange.PausedFor"/> if it was paused.</summary>
    Stopped = 3,
}

/// <summary>
/// One thing that changed a session's course, at an active-time offset: a pause, a resume, a late wake-up's skip or a
/// stop. With the pattern and length, these are a session's whole history: its events follow from them exactly.
/// A small immutable value; equality is by value.
/// </summary>
public readonly struct BreathSessionChange : IEquatable<BreathSessionChange>
{
    private BreathSessionChange(BreathSessionChangeKind kind, TimeSpan at, TimeSpan pausedFor, TimeSpan skippedFrom)
    {
        Kind = kind;
        At = at;
        PausedFor = pausedFor;
        SkippedFrom = skippedFrom;
    }

    /// <summary>What happened.</summary>
    public BreathSessionChangeKind Kind { get; }

    /// <summary>The active-time offset at which it happened (pauses excluded).</summary>
    public TimeSpan At { get; }

    /// <summary>For <see cref="BreathSessionChangeKind.Resumed"/> and <see cref="BreathSessionChangeKind.Stopped"/>: how long the pause it ended lasted; otherwise zero.</summary>
    public TimeSpan PausedFor { get; }

    /// <summary>For <see cref="BreathSessionChangeKind.SkippedAhead"/>: the offset of the first boundary skipped; otherwise zero.</summary>
    public TimeSpan SkippedFrom { get; }

    /// <summary>A pause at <paramref name="at"/>.</summary>
    /// <param name="at">The active-time offset; not negative.</param>
    /// <returns>The change.</returns>
    public static BreathSessionChange Paused(TimeSpan at) => new(BreathSessionChangeKind.Paused, NotNegative(at, nameof(at)), TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>A resume at <paramref name="at"/> after a pause of <paramref name="pausedFor"/>.</summary>
    /// <param name="at">The active-time offset (the pause's); not negative.</param>
    /// <param name="pausedFor">How long the pause lasted; not negative.</param>
    /// <returns>The change.</returns>
    public static BreathSessionChange Resumed(TimeSpan at, TimeSpan pausedFor) =>
        new(BreathSessionChangeKind.Resumed, NotNegative(at, nameof(at)), NotNegative(pausedFor, nameof(pausedFor)), TimeSpan.Zero);

    /// <summary>A skip-ahead at <paramref name="at"/> from the boundary at <paramref name="skippedFrom"/>.</summary>
    /// <param name="skippedFrom">The first boundary skipped; not negative and not after <paramref name="at"/>.</param>
    /// <param name="at">The active-time offset the session caught up at.</param>
    /// <returns>The change.</returns>
    public static BreathSessionChange SkippedAhead(TimeSpan skippedFrom, TimeSpan at)
    {
        NotNegative(skippedFrom, nameof(skippedFrom));
        if (at < skippedFrom)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"A skip-ahead ends at or after the boundary it skips from ({skippedFrom}).");
        }

        return new(BreathSessionChangeKind.SkippedAhead, at, TimeSpan.Zero, skippedFrom);
    }

    /// <summary>An early stop at <paramref name="at"/>, ending a pause of <paramref name="pausedFor"/> (zero when it was running).</summary>
    /// <param name="at">The active-time offset; not negative.</param>
    /// <param name="pausedFor">The pause the stop ended; not negative.</param>
    /// <returns>The change.</returns>
    public static BreathSessionChange Stopped(TimeSpan at, TimeSpan pausedFor) =>
        new(BreathSessionChangeKind.Stopped, NotNegative(at, nameof(at)), NotNegative(pausedFor, nameof(pausedFor)), TimeSpan.Zero);

    /// <summary>Whether two changes are equal.</summary>
    /// <param name="left">A change.</param>
    /// <param name="right">Another change.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(BreathSessionChange left, BreathSessionChange right) => left.Equals(right);

    /// <summary>Whether two changes differ.</summary>
    /// <param name="left">A change.</param>
    /// <param name="right">Another change.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(BreathSessionChange left, BreathSessionChange right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(BreathSessionChange other) => Kind == other.Kind && At == other.At && PausedFor == other.PausedFor && SkippedFrom == other.SkippedFrom;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BreathSessionChange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, At, PausedFor, SkippedFrom);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        BreathSessionChangeKind.Resumed => string.Create(CultureInfo.InvariantCulture, $"resumed at {At.TotalSeconds:0.###} s after {PausedFor.TotalSeconds:0.###} s"),
        BreathSessionChangeKind.SkippedAhead => string.Create(CultureInfo.InvariantCulture, $"skipped from {SkippedFrom.TotalSeconds:0.###} s to {At.TotalSeconds:0.###} s"),
        BreathSessionChangeKind.Stopped => string.Create(CultureInfo.InvariantCulture, $"stopped at {At.TotalSeconds:0.###} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"paused at {At.TotalSeconds:0.###} s"),
    };

    internal static BreathSessionChange From(ControlRecord record) => record.Kind switch
    {
        ControlKind.Pause => new(BreathSessionChangeKind.Paused, TimeSpan.FromTicks(record.Offset), TimeSpan.Zero, TimeSpan.Zero),
        ControlKind.Resume => new(BreathSessionChangeKind.Resumed, TimeSpan.FromTicks(record.Offset), TimeSpan.FromTicks(record.Duration), TimeSpan.Zero),
        ControlKind.Skip => new(BreathSessionChangeKind.SkippedAhead, TimeSpan.FromTicks(record.Offset), TimeSpan.Zero, TimeSpan.FromTicks(record.From)),
        _ => new(BreathSessionChangeKind.Stopped, TimeSpan.FromTicks(record.Offset), TimeSpan.FromTicks(record.Duration), TimeSpan.Zero),
    };

    internal ControlRecord ToRecord() => Kind switch
    {
        BreathSessionChangeKind.Paused => ControlRecord.Pause(At.Ticks),
        BreathSessionChangeKind.Resumed => ControlRecord.Resume(At.Ticks, PausedFor.Ticks),
        BreathSessionChangeKind.SkippedAhead => ControlRecord.Skip(SkippedFrom.Ticks, At.Ticks),
        _ => ControlRecord.Stop(At.Ticks, PausedFor.Ticks),
    };

    private static TimeSpan NotNegative(TimeSpan value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, name);
        return value;
    }
}

/// <summary>
/// A session's whole state, small and exact: the pattern and length, the instant it started on the UTC clock, its
/// history of pauses, skips and a stop, and how far its event stream had got. Save it when an app goes to the
/// background or a host stops, and <see cref="IBreathPacer.Restore"/> it anywhere later: the restored session carries
/// on where the original would be by then, with the same sequence numbers and ideal offsets, delivering nothing twice.
/// Immutable and thread-safe; equality is by value. Its JSON format is docs/breath-session-snapshot.schema.json.
/// </summary>
public sealed class BreathSessionSnapshot : IEquatable<BreathSessionSnapshot>
{
    private BreathSessionSnapshot(
        BreathPattern pattern,
        SessionLength length,
        DateTimeOffset startedAt,
        DateTimeOffset takenAt,
        TimeSpan activeTime,
        BreathSessionState state,
        long sequence,
        ImmutableArray<BreathSessionChange> history)
    {
        Pattern = pattern;
        Length = length;
        StartedAt = startedAt;
        TakenAt = takenAt;
        ActiveTime = activeTime;
        State = state;
        Sequence = sequence;
        History = history;
    }

    /// <summary>The pattern being paced.</summary>
    public BreathPattern Pattern { get; }

    /// <summary>The session length.</summary>
    public SessionLength Length { get; }

    /// <summary>
    /// When the session started (active time zero), on the scheduler's UTC clock. A restored session's time since start
    /// is measured from here on the clock of the scheduler it is restored on.
    /// </summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When the snapshot was taken, on the same clock.</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>The active time (pauses excluded) when the snapshot was taken.</summary>
    public TimeSpan ActiveTime { get; }

    /// <summary>Whether the session was running, paused or completed when the snapshot was taken.</summary>
    public BreathSessionState State { get; }

    /// <summary>The sequence number of the next event: how many events the session had emitted.</summary>
    public long Sequence { get; }

    /// <summary>Every pause, resume, skip-ahead and stop, in order.</summary>
    public ImmutableArray<BreathSessionChange> History { get; }

    /// <summary>The time spent paused by <see cref="TakenAt"/>, including a pause still going on.</summary>
    public TimeSpan PausedTime => TakenAt - StartedAt - ActiveTime;

    /// <summary>Makes a snapshot from its parts (e.g. read from an app's own storage), checking that they fit together.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="length">The session length.</param>
    /// <param name="startedAt">When the session started on the UTC clock.</param>
    /// <param name="takenAt">When the snapshot was taken; not before <paramref name="startedAt"/> + <paramref name="activeTime"/> + the pauses.</param>
    /// <param name="activeTime">The active time at <paramref name="takenAt"/>.</param>
    /// <param name="state">The state at <paramref name="takenAt"/>.</param>
    /// <param name="sequence">The sequence number of the next event.</param>
    /// <param name="history">The pauses, resumes, skips and stop, in order.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException">The parts contradict each other; the message names the part and the value.</exception>
    public static BreathSessionSnapshot Create(
        BreathPattern pattern,
        SessionLength length,
        DateTimeOffset startedAt,
        DateTimeOffset takenAt,
        TimeSpan activeTime,
        BreathSessionState state,
        long sequence,
        IEnumerable<BreathSessionChange> history)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(length);
        ArgumentNullException.ThrowIfNull(history);
        var changes = history.ToImmutableArray();
        ArgumentOutOfRangeException.ThrowIfLessThan(activeTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Expected running, paused or completed.");
        }

        var timeline = new BreathTimeline(pattern, length);
        var pausedTotal = CheckHistory(changes, activeTime, state, timeline);
        if (takenAt - startedAt < activeTime + pausedTotal)
        {
            throw new ArgumentException(
                $"takenAt ({takenAt:O}) is earlier than startedAt ({startedAt:O}) plus the active time ({activeTime}) and the completed pauses ({pausedTotal}).",
                nameof(takenAt));
        }

        var generator = new EventGenerator(timeline);
        var reachable = generator.SkipDue([.. changes.Select(c => c.ToRecord())], activeTime.Ticks);

        if (sequence > reachable)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"By {activeTime} of active time the session has at most {reachable} events.");
        }

        return new BreathSessionSnapshot(pattern, length, startedAt, takenAt, activeTime, state, sequence, changes);
    }

    internal static BreathSessionSnapshot Of(BreathTimeline timeline, DateTimeOffset now, long elapsedTicks, long activeTicks, BreathSessionState state, long sequence, ImmutableArray<ControlRecord> records) =>
        new(
            timeline.Pattern,
            timeline.Length,
            now - TimeSpan.FromTicks(elapsedTicks),
            now,
            TimeSpan.FromTicks(activeTicks),
            state,
            sequence,
            records.IsDefault ? [] : [.. records.Select(BreathSessionChange.From)]);

    /// <inheritdoc />
    public bool Equals(BreathSessionSnapshot? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Pattern.Equals(other.Pattern)
            && Length.Equals(other.Length)
            && StartedAt == other.StartedAt
            && TakenAt == other.TakenAt
            && ActiveTime == other.ActiveTime
            && State == other.State
            && Sequence == other.Sequence
            && History.AsSpan().SequenceEqual(other.History.AsSpan()));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BreathSessionSnapshot);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Pattern, StartedAt, TakenAt, ActiveTime, Sequence);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Pattern.Name}, {State} at {ActiveTime.TotalSeconds:0.###} s of active time, next event #{Sequence}, {History.Length} changes");

    /// <summary>Checks the history is one the engine could have written; returns the completed pauses' total.</summary>
    private static TimeSpan CheckHistory(ImmutableArray<BreathSessionChange> changes, TimeSpan activeTime, BreathSessionState state, BreathTimeline timeline)
    {
        var last = TimeSpan.Zero;
        var paused = false;
        var stopped = false;
        var pausedTotal = TimeSpan.Zero;
        for (var i = 0; i < changes.Length; i++)
        {
            var change = changes[i];
            var where = $"history[{i}]";
            if (stopped)
            {
                throw new ArgumentException($"{where} ({change}) follows the stop; a stop ends the history.", nameof(changes));
            }

            if (change.At < last || change.At > activeTime || (change.Kind == BreathSessionChangeKind.SkippedAhead && change.SkippedFrom < last))
            {
                throw new ArgumentException($"{where} ({change}) is out of order: changes run forward from 0 to the active time {activeTime}.", nameof(changes));
            }

            switch (change.Kind)
            {
                case BreathSessionChangeKind.Paused when paused:
                case BreathSessionChangeKind.Resumed when !paused || change.At != last:
                case BreathSessionChangeKind.SkippedAhead when paused:
                case BreathSessionChangeKind.Stopped when paused && change.At != last:
                case BreathSessionChangeKind.Stopped when !paused && change.PausedFor != TimeSpan.Zero:
                    throw new ArgumentException($"{where} ({change}) does not follow from the changes before it.", nameof(changes));
            }

            paused = change.Kind == BreathSessionChangeKind.Paused;
            stopped = change.Kind == BreathSessionChangeKind.Stopped;
            pausedTotal += change.PausedFor;
            last = change.At;
        }

        var ended = stopped || (timeline.TotalDuration is { } total && activeTime >= total);
        var expected = ended ? BreathSessionState.Completed : paused ? BreathSessionState.Paused : BreathSessionState.Running;
        if (state != expected)
        {
            throw new ArgumentException($"state = {state}, but the history and active time describe a {expected.ToString().ToLowerInvariant()} session.", nameof(state));
        }

        if (paused && activeTime != last)
        {
            throw new ArgumentException($"activeTime = {activeTime}, but a paused session's active time stays where it paused ({last}).", nameof(activeTime));
        }

        return pausedTotal;
    }
}
