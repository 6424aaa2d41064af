namespace BreathPacing;

/// <summary>
/// A mutable walk over a timeline's boundaries, used by the public enumerator and by the engine (which
/// keeps one per session: the session's whole scheduling state is this struct plus a clock).
/// </summary>
internal struct BoundaryCursor
{
    // Kept small: the engine embeds one in every session (a cycle's start is recomputed, not stored).
    private readonly BreathTimeline _timeline;
    private long _cycle;
    private int _phase;
    private int _segment;
    private BreathBoundaryKind _kind;
    private bool _done;

    public BoundaryCursor(BreathTimeline timeline)
    {
        _timeline = timeline;
        _cycle = 0;
        _phase = 0;
        _segment = -1;
        _kind = BreathBoundaryKind.PhaseStart;
        _done = false;
    }

    /// <summary>A cursor on the first boundary strictly after <paramref name="after"/> ticks.</summary>
    public static BoundaryCursor After(BreathTimeline timeline, long after)
    {
        var cursor = new BoundaryCursor(timeline);
        var position = timeline.At(TimeSpan.FromTicks(after));
        if (position.IsComplete)
        {
            cursor._done = true;
            return cursor;
        }

        cursor._cycle = position.CycleIndex;
        while (!cursor._done && cursor.Offset <= after)
        {
            cursor.MoveNext();
        }

        return cursor;
    }

    public readonly BreathTimeline Timeline => _timeline;

    public readonly bool IsDone => _done;

    public readonly BreathBoundaryKind Kind => _kind;

    public readonly long Cycle => _cycle;

    public readonly int Phase => _phase;

    public readonly int Segment => _segment;

    /// <summary>The current boundary's exact active-time offset, in ticks.</summary>
    public readonly long Offset => _kind switch
    {
        BreathBoundaryKind.PhaseStart => _timeline.CycleStart(_cycle) + _timeline.PhaseOffset(_cycle, _phase),
        BreathBoundaryKind.SegmentStart => _timeline.CycleStart(_cycle) + _timeline.PhaseOffset(_cycle, _phase) + _timeline.SegmentOffset(_cycle, _phase, _segment),
        _ => _timeline.CycleStart(_cycle) + _timeline.CycleTicks(_cycle),
    };

    public readonly BreathBoundary Current => _kind switch
    {
        BreathBoundaryKind.PhaseStart => new(_kind, TimeSpan.FromTicks(Offset), (int)_cycle, _phase, -1),
        BreathBoundaryKind.SegmentStart => new(_kind, TimeSpan.FromTicks(Offset), (int)_cycle, _phase, _segment),
        _ => new(_kind, TimeSpan.FromTicks(Offset), (int)_cycle, -1, -1),
    };

    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        switch (_kind)
        {
            case BreathBoundaryKind.PhaseStart:
            case BreathBoundaryKind.SegmentStart:
                if (_segment + 1 < _timeline.SegmentCount(_phase))
                {
                    _segment++;
                    _kind = BreathBoundaryKind.SegmentStart;
                }
                else if (_phase + 1 < _timeline.PhaseCount)
                {
                    _phase++;
                    _segment = -1;
                    _kind = BreathBoundaryKind.PhaseStart;
                }
                else
                {
                    _kind = BreathBoundaryKind.CycleEnd;
                }

                return true;

            case BreathBoundaryKind.CycleEnd:
                if (_cycle + 1 >= _timeline.CycleLimit)
                {
                    _kind = BreathBoundaryKind.SessionEnd;
                    return true;
                }

                _cycle++;
                _phase = 0;
                _segment = -1;
                _kind = BreathBoundaryKind.PhaseStart;
                return true;

            default:
                _done = true;
                return false;
        }
    }
}
