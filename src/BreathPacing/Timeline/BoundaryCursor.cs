namespace BreathPacing;

/// <summary>
/// A mutable walk over a timeline's boundaries, used by the public enumerator and by the engine (which
/// keeps one per session: the session's whole scheduling state is this struct plus a clock).
/// </summary>
internal struct BoundaryCursor
{
    // Kept small (32 bytes): the engine embeds one in every session. The current boundary's offset is computed once,
    // when the cursor moves, because the engine reads it several times per boundary.
    private readonly BreathTimeline _timeline;
    private long _cycle;
    private long _offset;
    private short _phase;
    private short _segment;
    private byte _kind; // a BreathBoundaryKind, as a byte to keep the struct small
    private bool _done;

    public BoundaryCursor(BreathTimeline timeline)
    {
        _timeline = timeline;
        _cycle = 0;
        _phase = 0;
        _segment = -1;
        _kind = (byte)BreathBoundaryKind.PhaseStart;
        _done = false;
        _offset = 0;
        _offset = ComputeOffset();
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
        cursor._offset = cursor.ComputeOffset();
        while (!cursor._done && cursor.Offset <= after)
        {
            cursor.MoveNext();
        }

        return cursor;
    }

    public readonly BreathTimeline Timeline => _timeline;

    public readonly bool IsDone => _done;

    public readonly BreathBoundaryKind Kind => (BreathBoundaryKind)_kind;

    public readonly long Cycle => _cycle;

    public readonly int Phase => _phase;

    public readonly int Segment => _segment;

    /// <summary>The current boundary's exact active-time offset, in ticks.</summary>
    public readonly long Offset => _offset;

    private readonly long ComputeOffset() => Kind switch
    {
        BreathBoundaryKind.PhaseStart => _timeline.CycleStart(_cycle) + _timeline.PhaseOffset(_cycle, _phase),
        BreathBoundaryKind.SegmentStart => _timeline.CycleStart(_cycle) + _timeline.PhaseOffset(_cycle, _phase) + _timeline.SegmentOffset(_cycle, _phase, _segment),
        _ => _timeline.CycleStart(_cycle) + _timeline.CycleTicks(_cycle),
    };

    public readonly BreathBoundary Current => Kind switch
    {
        BreathBoundaryKind.PhaseStart => new(Kind, TimeSpan.FromTicks(Offset), (int)_cycle, _phase, -1),
        BreathBoundaryKind.SegmentStart => new(Kind, TimeSpan.FromTicks(Offset), (int)_cycle, _phase, _segment),
        _ => new(Kind, TimeSpan.FromTicks(Offset), (int)_cycle, -1, -1),
    };

    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        switch (Kind)
        {
            case BreathBoundaryKind.PhaseStart:
            case BreathBoundaryKind.SegmentStart:
                if (_segment + 1 < _timeline.SegmentCount(_phase))
                {
                    _segment++;
                    _kind = (byte)BreathBoundaryKind.SegmentStart;
                }
                else if (_phase + 1 < _timeline.PhaseCount)
                {
                    _phase++;
                    _segment = -1;
                    _kind = (byte)BreathBoundaryKind.PhaseStart;
                }
                else
                {
                    _kind = (byte)BreathBoundaryKind.CycleEnd;
                }

                break;

            case BreathBoundaryKind.CycleEnd:
                if (_cycle + 1 >= _timeline.CycleLimit)
                {
                    _kind = (byte)BreathBoundaryKind.SessionEnd;
                    return true; // at the same offset as the cycle's end
                }

                _cycle++;
                _phase = 0;
                _segment = -1;
                _kind = (byte)BreathBoundaryKind.PhaseStart;
                break;

            default:
                _done = true;
                return false;
        }

        _offset = ComputeOffset();
        return true;
    }
}
