using System.Diagnostics;
using BreathPacing.Benchmarks.Harness;
using BreathPacing.Scheduling;

namespace BreathPacing.Benchmarks.Modes;

/// <summary>
/// The floor for the engine's work: the same boundaries of the same timeline, walked on the same timer wheel with
/// one re-armed entry per session, absolute due times and the same lateness measurement, but no Rx, no event objects,
/// no subscribers, no lock of its own and no control. Whatever the engine costs above this is what its API costs.
/// </summary>
internal sealed class FloorSession : TimerWheelScheduler.Entry, IDisposable
{
    private static readonly double TimestampsPerTick = Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond;

    private readonly TimerWheelScheduler _wheel;
    private readonly LatencyRecorder _recorder;
    private readonly long _t0;
    private readonly long _origin;
    private BoundaryCursor _cursor;

    private FloorSession(BreathTimeline timeline, TimerWheelScheduler wheel, long t0, LatencyRecorder recorder)
    {
        _wheel = wheel;
        _recorder = recorder;
        _t0 = t0;
        _cursor = new BoundaryCursor(timeline);
        _origin = wheel.Timestamp();
    }

    public static FloorSession Start(BreathTimeline timeline, TimerWheelScheduler wheel, long t0, LatencyRecorder recorder)
    {
        var session = new FloorSession(timeline, wheel, t0, recorder);
        wheel.Arm(session, TimeSpan.Zero);
        return session;
    }

    public void Dispose() => _wheel.Cancel(this);

    internal override void Fire()
    {
        if (IsStale)
        {
            return;
        }

        var elapsed = _wheel.ElapsedTicks(_origin);
        while (!_cursor.IsDone && _cursor.Offset <= elapsed)
        {
            if (_cursor.Kind == BreathBoundaryKind.SegmentStart)
            {
                _recorder.Record(Stopwatch.GetTimestamp() - (_t0 + (long)(_cursor.Offset * TimestampsPerTick)));
            }
            else
            {
                _recorder.CountOther();
            }

            _cursor.MoveNext();
        }

        if (!_cursor.IsDone)
        {
            _wheel.Arm(this, TimeSpan.FromTicks(Math.Max(0, _cursor.Offset - _wheel.ElapsedTicks(_origin))));
        }
    }
}
