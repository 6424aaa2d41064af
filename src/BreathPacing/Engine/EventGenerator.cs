using System.Collections.Immutable;

namespace BreathPacing;

/// <summary>
/// Generates a session's events, in order, from its timeline and its control records: the one place the stream's
/// shape is decided. A live session pulls from it up to the active time now; replay to a late subscriber, and a
/// restored snapshot, run a fresh generator over the same records and get the same events with the same sequence
/// numbers. A mutable struct: a session embeds one (no allocation but the events themselves).
/// </summary>
internal struct EventGenerator
{
    private const byte NotStarted = 0;
    private const byte Running = 1;
    private const byte Finished = 2;

    /// <summary>What <see cref="SkipTo"/> steps over instead of making an event.</summary>
    private static readonly BreathEvent DroppedEvent = new SessionPaused(-1, TimeSpan.Zero);

    private BoundaryCursor _cursor;
    private long _sequence;
    private long _lastOffset;
    private int _recordIndex;
    private byte _stage;

    public EventGenerator(BreathTimeline timeline)
    {
        _cursor = new BoundaryCursor(timeline);
        _sequence = 0;
        _recordIndex = 0;
        _stage = NotStarted;
    }

    public readonly BreathTimeline Timeline => _cursor.Timeline;

    /// <summary>The sequence number of the next event; also how many have been generated.</summary>
    public readonly long Sequence => _sequence;

    /// <summary>The offset of the last event generated (0 before any).</summary>
    public readonly long LastOffset => _lastOffset;

    /// <summary>How many control records have been placed in the stream.</summary>
    public readonly int RecordIndex => _recordIndex;

    public readonly bool HasStarted => _stage != NotStarted;

    public readonly bool IsFinished => _stage == Finished;

    /// <summary>The offset of the next boundary, or <see cref="long.MaxValue"/> when none is left.</summary>
    public readonly long NextBoundary => _cursor.IsDone ? long.MaxValue : _cursor.Offset;

    /// <summary>Whether the next boundary is the session's end (nothing left to skip).</summary>
    public readonly bool AtEnd => !_cursor.IsDone && _cursor.Kind == BreathBoundaryKind.SessionEnd;

    /// <summary>Whole cycles completed before the next boundary.</summary>
    public readonly int CompletedCycles => (int)(_cursor.IsDone || _cursor.Kind == BreathBoundaryKind.SessionEnd ? _cursor.Cycle + 1 : _cursor.Cycle);

    /// <summary>
    /// The next event, or <see langword="null"/> when nothing more is due: control records are always due, boundaries
    /// only at or before <paramref name="limit"/> (the active time now; <see cref="long.MaxValue"/> to replay).
    /// </summary>
    public BreathEvent? Next(ImmutableArray<ControlRecord> records, long limit)
    {
        var e = Next(records, limit, materialize: true);
        if (e is not null)
        {
            _lastOffset = e.Offset.Ticks;
        }

        return e;
    }

    private BreathEvent? Next(ImmutableArray<ControlRecord> records, long limit, bool materialize)
    {
        switch (_stage)
        {
            case NotStarted:
                _stage = Running;
                var t = Timeline;
                return materialize ? new SessionStarted(_sequence++, TimeSpan.Zero, t.Pattern, t.Length, t.TotalCycles, t.TotalDuration) : Dropped(0);
            case Finished:
                return null;
        }

        if (!records.IsDefault && _recordIndex < records.Length)
        {
            var record = records[_recordIndex];
            var placed = _cursor.IsDone || (record.Kind == ControlKind.Skip ? _cursor.Offset >= record.From : _cursor.Offset > record.Offset);
            if (placed)
            {
                _recordIndex++;
                return Place(record, records, materialize);
            }
        }

        if (_cursor.IsDone || _cursor.Offset > limit)
        {
            return null;
        }

        return Boundary(records, materialize);
    }

    /// <summary>
    /// Walks past events until <see cref="Sequence"/> reaches <paramref name="sequence"/> (or the stream ends), making
    /// no event objects on the way.
    /// </summary>
    public void SkipTo(ImmutableArray<ControlRecord> records, long sequence)
    {
        while (_sequence < sequence && Next(records, long.MaxValue, materialize: false) is { } e)
        {
            _lastOffset = Math.Max(_lastOffset, e == DroppedEvent ? _lastOffset : e.Offset.Ticks);
        }
    }

    /// <summary>Walks past every event due by <paramref name="limit"/>, making no event objects; returns how many.</summary>
    public long SkipDue(ImmutableArray<ControlRecord> records, long limit)
    {
        var start = _sequence;
        while (Next(records, limit, materialize: false) is { } e)
        {
            _lastOffset = Math.Max(_lastOffset, e == DroppedEvent ? _lastOffset : e.Offset.Ticks);
        }

        return _sequence - start;
    }

    private BreathEvent? Dropped(long offset)
    {
        _sequence++;
        _lastOffset = offset;
        return DroppedEvent;
    }

    private BreathEvent? Boundary(ImmutableArray<ControlRecord> records, bool materialize)
    {
        var timeline = Timeline;
        var offset = _cursor.Offset;
        var kind = _cursor.Kind;
        var cycle = _cursor.Cycle;
        var phase = _cursor.Phase;
        var segment = _cursor.Segment;
        if (!materialize && kind != BreathBoundaryKind.SessionEnd)
        {
            _cursor.MoveNext();
            return Dropped(offset);
        }

        switch (kind)
        {
            case BreathBoundaryKind.PhaseStart:
                _cursor.MoveNext();
                return new PhaseStarted(_sequence++, TimeSpan.FromTicks(offset), (int)cycle, phase, timeline.Pattern.Phases[phase], TimeSpan.FromTicks(timeline.PhaseTicks(cycle, phase)));
            case BreathBoundaryKind.SegmentStart:
                _cursor.MoveNext();
                var length = timeline.SegmentOffset(cycle, phase, segment + 1) - timeline.SegmentOffset(cycle, phase, segment);
                return new SegmentStarted(_sequence++, TimeSpan.FromTicks(offset), (int)cycle, phase, segment, timeline.Pattern.Phases[phase], TimeSpan.FromTicks(length));
            case BreathBoundaryKind.CycleEnd:
                _cursor.MoveNext();
                return new CycleCompleted(_sequence++, TimeSpan.FromTicks(offset), (int)cycle);
            default:
                return Complete(offset, records, endedEarly: false, endedPause: 0);
        }
    }

    private BreathEvent? Place(ControlRecord record, ImmutableArray<ControlRecord> records, bool materialize)
    {
        if (!materialize && record.Kind is ControlKind.Pause or ControlKind.Resume)
        {
            return Dropped(record.Offset);
        }

        switch (record.Kind)
        {
            case ControlKind.Pause:
                return new SessionPaused(_sequence++, TimeSpan.FromTicks(record.Offset));
            case ControlKind.Resume:
                return new SessionResumed(_sequence++, TimeSpan.FromTicks(record.Offset), TimeSpan.FromTicks(record.Duration));
            case ControlKind.Stop:
                return Complete(record.Offset, records, endedEarly: true, endedPause: record.Duration);
            default:
                return SkipAhead(record);
        }
    }

    private BreathEvent SkipAhead(ControlRecord record)
    {
        var timeline = Timeline;
        var missedFrom = _cursor.IsDone ? record.Offset : _cursor.Offset;
        var missed = 0;
        while (!_cursor.IsDone && _cursor.Offset <= record.Offset)
        {
            if (_cursor.Kind == BreathBoundaryKind.SessionEnd)
            {
                // The end passed while asleep: say so at the end, which the next call then completes.
                var end = _cursor.Offset;
                return new SessionSkippedAhead(_sequence++, TimeSpan.FromTicks(end), TimeSpan.FromTicks(missedFrom), missed, timeline.At(TimeSpan.FromTicks(end)));
            }

            missed++;
            _cursor.MoveNext();
        }

        return new SessionSkippedAhead(_sequence++, TimeSpan.FromTicks(record.Offset), TimeSpan.FromTicks(missedFrom), missed, timeline.At(TimeSpan.FromTicks(record.Offset)));
    }

    private SessionCompleted Complete(long offset, ImmutableArray<ControlRecord> records, bool endedEarly, long endedPause)
    {
        _stage = Finished;
        var paused = endedPause;
        for (var i = 0; i < _recordIndex - (endedEarly ? 1 : 0); i++)
        {
            if (records[i].Kind == ControlKind.Resume)
            {
                paused += records[i].Duration;
            }
        }

        var summary = SessionSummaries.Create(Timeline, offset, CompletedCycles, paused, endedEarly);
        return new SessionCompleted(_sequence++, TimeSpan.FromTicks(offset), summary);
    }
}
