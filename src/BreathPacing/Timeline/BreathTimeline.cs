using System.Collections;
using System.Collections.Immutable;

namespace BreathPacing;

/// <summary>
/// The pure arithmetic of a session: a pattern and a session length laid out on active time.
/// <see cref="At"/> maps an active elapsed time to a <see cref="BreathPosition"/> without allocating, in
/// O(log n); <see cref="EnumerateBoundaries()"/> lists every phase and segment start at its exact offset.
/// Immutable and thread-safe: build one per pattern and length, and share it.
/// </summary>
/// <remarks>
/// Offsets are exact to the tick (100 ns): a segment boundary is its phase's start plus the rounded
/// cumulative share, and a progression scales each phase to the nearest tick, once per step. Time only
/// ever enters as an argument.
/// </remarks>
public sealed class BreathTimeline
{
    // A "level" is a run of cycles with the same durations: a steady pattern has one; a progression
    // has one per step. Everything per level is precomputed so that At() does two binary searches.
    private readonly long[] _levelStart;        // active-time offset of the level's first cycle
    private readonly long[] _levelFirstCycle;   // index of the level's first cycle
    private readonly long[] _levelCycleTicks;   // duration of one cycle in the level
    private readonly long[] _phaseStart;        // [level * (P + 1) + p]: offset of phase p within a cycle; last = cycle length
    private readonly long[] _segmentStart;      // [level * S + segmentBase[p] + k]: offset of segment k within phase p; last = phase length
    private readonly int[] _segmentBase;        // where phase p's segment offsets begin within a level's block
    private readonly int _segmentBlock;         // S: segment offsets per level
    private readonly double[] _volumeAtPhaseStart;
    private readonly double[] _volumeAtPhaseEnd;
    private readonly int _phaseCount;
    private readonly int _cyclesPerLevel;
    private readonly RegionFills? _fills;

    // The last cycle index a position can report (CycleIndex is an int).
    private const long MaximumCycleIndex = int.MaxValue - 1;

    private static readonly string BeyondLastCycle =
        $"An open-ended timeline counts at most {int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)} cycles (its cycle index is an int); this time is beyond them.";

    /// <summary>Lays out <paramref name="pattern"/> for <paramref name="length"/>.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="length">The session length; <see langword="null"/> takes the pattern's default.</param>
    public BreathTimeline(BreathPattern pattern, SessionLength? length = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        Length = length ?? pattern.DefaultLength;
        var phases = pattern.Phases;
        _phaseCount = phases.Length;

        _segmentBase = new int[_phaseCount];
        var block = 0;
        for (var p = 0; p < _phaseCount; p++)
        {
            _segmentBase[p] = block;
            block += phases[p].Segments.Length + 1;
        }

        _segmentBlock = block;

        var progression = pattern.Progression;
        var levels = pattern.ProgressionSteps;
        _cyclesPerLevel = progression?.EveryCycles ?? int.MaxValue;

        _levelStart = new long[levels];
        _levelFirstCycle = new long[levels];
        _levelCycleTicks = new long[levels];
        _phaseStart = new long[levels * (_phaseCount + 1)];
        _segmentStart = new long[levels * block];

        long start = 0;
        for (var level = 0; level < levels; level++)
        {
            long offset = 0;
            for (var p = 0; p < _phaseCount; p++)
            {
                _phaseStart[(level * (_phaseCount + 1)) + p] = offset;
                var phaseTicks = pattern.PhaseDurationAt(p, level).Ticks;
                var segments = phases[p].Segments;
                var segmentIndex = (level * block) + _segmentBase[p];
                var cumulative = 0.0;
                for (var k = 0; k < segments.Length; k++)
                {
                    _segmentStart[segmentIndex + k] = k == 0 ? 0 : Math.Min(phaseTicks, (long)Math.Round(phaseTicks * cumulative));
                    cumulative += segments[k].Share;
                }

                _segmentStart[segmentIndex + segments.Length] = phaseTicks;
                offset += phaseTicks;
            }

            _phaseStart[(level * (_phaseCount + 1)) + _phaseCount] = offset;
            _levelCycleTicks[level] = offset;
            _levelStart[level] = start;
            _levelFirstCycle[level] = (long)level * _cyclesPerLevel;
            if (level + 1 < levels)
            {
                start += offset * progression!.EveryCycles;
            }
        }

        (_volumeAtPhaseStart, _volumeAtPhaseEnd) = LungVolumes(pattern);
        _fills = RegionFills.For(pattern, _volumeAtPhaseStart, _volumeAtPhaseEnd);

        TotalCycles = Length.Kind switch
        {
            SessionLengthKind.Cycles => Length.CycleCount,
            SessionLengthKind.Duration => CyclesToCover(Length.Duration.Ticks),
            _ => null,
        };

        TotalDuration = TotalCycles is { } cycles ? TimeSpan.FromTicks(CycleStart(cycles)) : null;
    }

    /// <summary>The pattern laid out.</summary>
    public BreathPattern Pattern { get; }

    /// <summary>The session length laid out.</summary>
    public SessionLength Length { get; }

    /// <summary>
    /// The body regions the pattern's segments name, in the order its inhale fills them (e.g. lower belly, upper belly,
    /// chest for Three-Part Breath); empty when it has no segments. <see cref="BreathPosition.FillOf(string)"/> says how full each is.
    /// </summary>
    public ImmutableArray<string> Regions => _fills?.Regions ?? [];

    /// <summary>
    /// The number of cycles in the session, or <see langword="null"/> when it is open-ended. A timed session has as many
    /// as its time needs (at least the requested time, ending on a whole cycle), even beyond <see cref="PatternLimits.MaximumCycles"/>.
    /// </summary>
    public int? TotalCycles { get; }

    /// <summary>The session's total active time, or <see langword="null"/> when it is open-ended.</summary>
    public TimeSpan? TotalDuration { get; }

    /// <summary>
    /// The position at <paramref name="elapsed"/> of active time. Pure: the same input gives the same
    /// output, nothing is allocated, and the cost is O(log n) in the pattern's phases and steps.
    /// </summary>
    /// <param name="elapsed">Active time since the session started; not negative.</param>
    /// <returns>
    /// The position; at or past the end of a finite session, a completed position at the end of the last phase. An
    /// open-ended session is never complete.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="elapsed"/> is negative, or (open-ended sessions only) so large that the cycle index would pass
    /// <see cref="int.MaxValue"/> − 1: for the shortest possible cycle (20 ms) that is after about 497 days.
    /// </exception>
    public BreathPosition At(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            ThrowNegative(elapsed);
        }

        var t = elapsed.Ticks;
        var total = TotalDuration?.Ticks ?? long.MaxValue;
        var complete = TotalDuration is not null && t >= total;
        if (complete)
        {
            t = total - 1; // locate the last instant of the last phase; progress is then reported as 1
        }

        var level = LevelAt(t);
        var cycleTicks = _levelCycleTicks[level];
        var cycleInLevel = (t - _levelStart[level]) / cycleTicks;
        var cycleStart = _levelStart[level] + (cycleInLevel * cycleTicks);
        var cycle = _levelFirstCycle[level] + cycleInLevel;
        if (cycle > MaximumCycleIndex)
        {
            ThrowBeyondLastCycle(elapsed);
        }

        var within = t - cycleStart;

        var phaseBase = level * (_phaseCount + 1);
        var phase = UpperBound(_phaseStart, phaseBase, phaseBase + _phaseCount, within) - phaseBase - 1;
        var phaseStart = _phaseStart[phaseBase + phase];
        var phaseTicks = _phaseStart[phaseBase + phase + 1] - phaseStart;
        var inPhase = complete ? phaseTicks : within - phaseStart;
        var phaseProgress = (double)inPhase / phaseTicks;

        var definition = Pattern.Phases[phase];
        var segment = -1;
        var segmentProgress = 0.0;
        var segmentCount = definition.Segments.Length;
        if (segmentCount > 0)
        {
            var segmentBase = (level * _segmentBlock) + _segmentBase[phase];
            segment = UpperBound(_segmentStart, segmentBase, segmentBase + segmentCount, complete ? phaseTicks - 1 : inPhase) - segmentBase - 1;
            var segmentStart = _segmentStart[segmentBase + segment];
            var segmentTicks = _segmentStart[segmentBase + segment + 1] - segmentStart;
            segmentProgress = segmentTicks == 0 ? 1.0 : Math.Clamp((double)(inPhase - segmentStart) / segmentTicks, 0.0, 1.0);
        }

        var volume = _volumeAtPhaseStart[phase] + ((_volumeAtPhaseEnd[phase] - _volumeAtPhaseStart[phase]) * phaseProgress);
        var sessionProgress = TotalDuration is { } d ? Math.Min(1.0, (double)elapsed.Ticks / d.Ticks) : 0.0;

        return new BreathPosition(
            complete ? TimeSpan.FromTicks(total) : elapsed,
            (int)cycle,
            phase,
            definition,
            TimeSpan.FromTicks(cycleStart + phaseStart),
            TimeSpan.FromTicks(phaseTicks),
            segment,
            segmentProgress,
            volume,
            complete,
            sessionProgress,
            _fills);
    }

    /// <summary>The duration of phase <paramref name="phaseIndex"/> in cycle <paramref name="cycleIndex"/>.</summary>
    /// <param name="cycleIndex">The zero-based cycle.</param>
    /// <param name="phaseIndex">The zero-based phase.</param>
    /// <returns>The phase's duration in that cycle, after any progression.</returns>
    public TimeSpan PhaseDuration(int cycleIndex, int phaseIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cycleIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(phaseIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(phaseIndex, _phaseCount);
        var phaseBase = LevelOf(cycleIndex) * (_phaseCount + 1);
        return TimeSpan.FromTicks(_phaseStart[phaseBase + phaseIndex + 1] - _phaseStart[phaseBase + phaseIndex]);
    }

    /// <summary>The duration of cycle <paramref name="cycleIndex"/>, after any progression.</summary>
    /// <param name="cycleIndex">The zero-based cycle.</param>
    /// <returns>The cycle's duration.</returns>
    public TimeSpan CycleDuration(int cycleIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cycleIndex);
        return TimeSpan.FromTicks(_levelCycleTicks[LevelOf(cycleIndex)]);
    }

    /// <summary>Every boundary of the session from its start, in order (endless for an open-ended session).</summary>
    /// <returns>An allocation-free enumerable of boundaries.</returns>
    public BoundaryEnumerable EnumerateBoundaries() => new(this, -1);

    /// <summary>Every boundary strictly after <paramref name="after"/>, in order.</summary>
    /// <param name="after">An active-time offset; not negative.</param>
    /// <returns>An allocation-free enumerable of boundaries.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="after"/> is negative, or (open-ended sessions only) beyond the last cycle a timeline counts; see <see cref="At"/>.
    /// </exception>
    public BoundaryEnumerable EnumerateBoundaries(TimeSpan after)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(after, TimeSpan.Zero);
        if (TotalDuration is null && CycleAt(after.Ticks) > MaximumCycleIndex)
        {
            throw new ArgumentOutOfRangeException(nameof(after), after, BeyondLastCycle);
        }

        return new(this, after.Ticks);
    }

    internal int PhaseCount => _phaseCount;

    /// <summary>The number of cycles, or <see cref="long.MaxValue"/> when open-ended.</summary>
    internal long CycleLimit => TotalCycles ?? long.MaxValue;

    internal int SegmentCount(int phase) => Pattern.Phases[phase].Segments.Length;

    internal long CycleStart(long cycle)
    {
        var level = LevelOf(cycle);
        return _levelStart[level] + ((cycle - _levelFirstCycle[level]) * _levelCycleTicks[level]);
    }

    internal long CycleTicks(long cycle) => _levelCycleTicks[LevelOf(cycle)];

    internal long PhaseOffset(long cycle, int phase) => _phaseStart[(LevelOf(cycle) * (_phaseCount + 1)) + phase];

    internal long SegmentOffset(long cycle, int phase, int segment) => _segmentStart[(LevelOf(cycle) * _segmentBlock) + _segmentBase[phase] + segment];

    internal long PhaseTicks(long cycle, int phase)
    {
        var phaseBase = LevelOf(cycle) * (_phaseCount + 1);
        return _phaseStart[phaseBase + phase + 1] - _phaseStart[phaseBase + phase];
    }

    private int LevelAt(long ticks) => UpperBound(_levelStart, 0, _levelStart.Length, ticks) - 1;

    private long CycleAt(long ticks)
    {
        var level = LevelAt(ticks);
        return _levelFirstCycle[level] + ((ticks - _levelStart[level]) / _levelCycleTicks[level]);
    }

    private int LevelOf(long cycle) => _levelStart.Length == 1 ? 0 : (int)Math.Min(cycle / _cyclesPerLevel, _levelStart.Length - 1); // a steady pattern has one level: no division

    private int CyclesToCover(long ticks)
    {
        // Find the level in which the requested time ends, then round up to a whole cycle within it. Never clamped: a
        // timed session runs at least its time. The most it can take, 7 days of 20 ms cycles, is 30,240,000 cycles.
        var level = UpperBound(_levelStart, 0, _levelStart.Length, ticks - 1) - 1;
        var cycles = _levelFirstCycle[level] + (((ticks - _levelStart[level]) + _levelCycleTicks[level] - 1) / _levelCycleTicks[level]);
        return checked((int)cycles);
    }

    /// <summary>The first index in [from, to) whose value is greater than <paramref name="value"/>.</summary>
    private static int UpperBound(long[] values, int from, int to, long value)
    {
        var lo = from;
        var hi = to;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (values[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static (double[] Start, double[] End) LungVolumes(BreathPattern pattern)
    {
        // Walk the cycle: each inhale adds its share of the total inhale time, each exhale removes its
        // share of the total exhale time, holds stay level. The walk returns to where it began, so the
        // volume is continuous across cycles; it is then normalised to [0, 1].
        var phases = pattern.Phases;
        var inhale = (double)pattern.InhaleDuration.Ticks;
        var exhale = (double)pattern.ExhaleDuration.Ticks;
        var start = new double[phases.Length];
        var end = new double[phases.Length];
        double level = 0, min = 0, max = 0;
        for (var p = 0; p < phases.Length; p++)
        {
            start[p] = level;
            level += phases[p].Kind switch
            {
                BreathPhaseKind.Inhale => phases[p].Duration.Ticks / inhale,
                BreathPhaseKind.Exhale => -phases[p].Duration.Ticks / exhale,
                _ => 0,
            };
            end[p] = level;
            min = Math.Min(min, level);
            max = Math.Max(max, level);
        }

        var range = max - min;
        for (var p = 0; p < phases.Length; p++)
        {
            start[p] = Math.Clamp((start[p] - min) / range, 0, 1);
            end[p] = Math.Clamp((end[p] - min) / range, 0, 1);
        }

        return (start, end);
    }

    private static void ThrowNegative(TimeSpan elapsed) =>
        throw new ArgumentOutOfRangeException(nameof(elapsed), elapsed, "Elapsed active time cannot be negative.");

    private static void ThrowBeyondLastCycle(TimeSpan elapsed) =>
        throw new ArgumentOutOfRangeException(nameof(elapsed), elapsed, BeyondLastCycle);

    /// <summary>An allocation-free sequence of boundaries; see <see cref="EnumerateBoundaries()"/>.</summary>
    public readonly struct BoundaryEnumerable : IEnumerable<BreathBoundary>
    {
        private readonly BreathTimeline _timeline;
        private readonly long _after;

        internal BoundaryEnumerable(BreathTimeline timeline, long after)
        {
            _timeline = timeline;
            _after = after;
        }

        /// <summary>Gets the enumerator.</summary>
        /// <returns>A struct enumerator.</returns>
        public BoundaryEnumerator GetEnumerator() => new(_timeline, _after);

        IEnumerator<BreathBoundary> IEnumerable<BreathBoundary>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Walks the boundaries of a timeline in order, without allocating.</summary>
    public struct BoundaryEnumerator : IEnumerator<BreathBoundary>
    {
        private readonly BreathTimeline _timeline;
        private readonly long _after;
        private BoundaryCursor _cursor;
        private bool _started;

        internal BoundaryEnumerator(BreathTimeline timeline, long after)
        {
            _timeline = timeline;
            _after = after;
            _cursor = after < 0 ? new BoundaryCursor(timeline) : BoundaryCursor.After(timeline, after);
            _started = false;
        }

        /// <summary>The current boundary.</summary>
        public readonly BreathBoundary Current => _cursor.Current;

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next boundary.</summary>
        /// <returns><see langword="false"/> after the session end.</returns>
        public bool MoveNext()
        {
            if (!_started)
            {
                _started = true;
                return !_cursor.IsDone;
            }

            return _cursor.MoveNext();
        }

        /// <summary>Starts again from the first boundary.</summary>
        public void Reset()
        {
            _cursor = _after < 0 ? new BoundaryCursor(_timeline) : BoundaryCursor.After(_timeline, _after);
            _started = false;
        }

        /// <summary>Does nothing; present for <see cref="IDisposable"/>.</summary>
        public readonly void Dispose()
        {
        }
    }
}
