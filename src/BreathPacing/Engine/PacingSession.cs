using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using BreathPacing.Scheduling;

namespace BreathPacing;

/// <summary>
/// The state machine of one session. It arms exactly one timer at a time, for its next boundary, at an
/// absolute due time: the session's monotonic start + the boundary's ideal offset + time spent paused.
/// A wake-up before that instant re-arms for the remainder, so nothing is ever early, and because due
/// times never depend on when earlier timers fired, nothing drifts. All state changes and emissions
/// happen under one lock, so the stream is serialized.
/// </summary>
internal sealed class PacingSession : IDisposable
{
    private readonly object _gate;
    private readonly BreathTimeline _timeline;
    private readonly IScheduler _scheduler;
    private readonly BreathPacingOptions _options;
    private readonly IObserver<BreathEvent> _sink;
    private readonly long _lateThresholdTicks;
    private IStopwatch? _clock;
    private BoundaryCursor _cursor;
    private IDisposable? _timer;
    private TimerWheelScheduler.ReusableTimer? _wheelTimer; // on a timer wheel, one timer re-armed: no allocation per boundary
    private long _generation;
    private long _pausedTicks;
    private long _pauseStartedAt;
    private long _endOffset;
    private long _sequence;
    private int _completedCycles;
    private bool _startedEmitted;
    private BreathSessionState _state;

    public PacingSession(BreathTimeline timeline, IScheduler scheduler, BreathPacingOptions options, IObserver<BreathEvent> sink, object? gate = null)
    {
        _gate = gate ?? new object();
        _timeline = timeline;
        _scheduler = scheduler;
        _options = options;
        _sink = sink;
        _lateThresholdTicks = options.LateWakeThreshold.Ticks;
        _cursor = new BoundaryCursor(timeline);
        _state = BreathSessionState.Running;
    }

    public BreathTimeline Timeline => _timeline;

    public IScheduler Scheduler => _scheduler;

    public BreathSessionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public BreathPosition Position
    {
        get
        {
            lock (_gate)
            {
                return _timeline.At(TimeSpan.FromTicks(ActiveTicksNow()));
            }
        }
    }

    /// <summary>Starts the clock and arms the first tick (due at once) on the scheduler.</summary>
    public PacingSession Start()
    {
        lock (_gate)
        {
            _clock = _scheduler.StartStopwatch();
            Arm(0);
        }

        return this;
    }

    public void Pause()
    {
        lock (_gate)
        {
            if (_state != BreathSessionState.Running || _clock is null)
            {
                return;
            }

            var active = ActiveTicks();
            EmitDue(active);
            if (_state != BreathSessionState.Running)
            {
                return;
            }

            _pauseStartedAt = _clock.Elapsed.Ticks;
            _state = BreathSessionState.Paused;
            CancelTimer();
            Emit(new SessionPaused(_sequence++, TimeSpan.FromTicks(active)));
        }
    }

    public void Resume()
    {
        lock (_gate)
        {
            if (_state != BreathSessionState.Paused || _clock is null)
            {
                return;
            }

            var pausedFor = _clock.Elapsed.Ticks - _pauseStartedAt;
            _pausedTicks += pausedFor;
            _state = BreathSessionState.Running;
            Emit(new SessionResumed(_sequence++, TimeSpan.FromTicks(ActiveTicks()), TimeSpan.FromTicks(pausedFor)));
            if (_state == BreathSessionState.Running)
            {
                Arm(_cursor.Offset);
            }
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            if (_state == BreathSessionState.Completed || _clock is null)
            {
                return;
            }

            if (_state == BreathSessionState.Running)
            {
                EmitDue(ActiveTicks());
                if (_state != BreathSessionState.Running)
                {
                    return;
                }
            }
            else
            {
                _pausedTicks += _clock.Elapsed.Ticks - _pauseStartedAt;
                _state = BreathSessionState.Running;
            }

            Complete(ActiveTicks(), endedEarly: true);
        }
    }

    /// <summary>Ends the session silently (the Rx meaning of disposing a subscription) and frees its timer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_state != BreathSessionState.Completed)
            {
                _endOffset = ActiveTicksNow();
                _state = BreathSessionState.Completed;
            }

            CancelTimer();
        }
    }

    private void OnTimer(long generation)
    {
        lock (_gate)
        {
            if (generation != _generation || _state != BreathSessionState.Running)
            {
                return; // a stale timer: cancelled, or superseded by a re-arm
            }

            _timer = null;
            var active = ActiveTicks();
            if (!_cursor.IsDone && active - _cursor.Offset > _lateThresholdTicks && _options.LateWakePolicy == LateWakePolicy.SkipToNow && _startedEmitted)
            {
                SkipAhead(active);
            }
            else
            {
                EmitDue(active);
            }

            if (_state == BreathSessionState.Running && !_cursor.IsDone && _timer is null)
            {
                Arm(_cursor.Offset); // also covers an early wake-up: nothing was due, so re-arm for the remainder
            }
        }
    }

    private void EmitDue(long active)
    {
        if (!_startedEmitted)
        {
            _startedEmitted = true;
            Emit(new SessionStarted(_sequence++, TimeSpan.Zero, _timeline.Pattern, _timeline.Length, _timeline.TotalCycles, _timeline.TotalDuration));
        }

        while (_state == BreathSessionState.Running && !_cursor.IsDone)
        {
            var offset = _cursor.Offset;
            if (offset > active)
            {
                break;
            }

            var kind = _cursor.Kind;
            var cycle = _cursor.Cycle;
            var phase = _cursor.Phase;
            var segment = _cursor.Segment;
            _cursor.MoveNext();
            EmitBoundary(kind, offset, cycle, phase, segment);
        }
    }

    private void EmitBoundary(BreathBoundaryKind kind, long offset, long cycle, int phase, int segment)
    {
        switch (kind)
        {
            case BreathBoundaryKind.PhaseStart:
                Emit(new PhaseStarted(_sequence++, TimeSpan.FromTicks(offset), (int)cycle, phase, _timeline.Pattern.Phases[phase], TimeSpan.FromTicks(_timeline.PhaseTicks(cycle, phase))));
                break;
            case BreathBoundaryKind.SegmentStart:
                var length = _timeline.SegmentOffset(cycle, phase, segment + 1) - _timeline.SegmentOffset(cycle, phase, segment);
                Emit(new SegmentStarted(_sequence++, TimeSpan.FromTicks(offset), (int)cycle, phase, segment, _timeline.Pattern.Phases[phase], TimeSpan.FromTicks(length)));
                break;
            case BreathBoundaryKind.CycleEnd:
                _completedCycles++;
                Emit(new CycleCompleted(_sequence++, TimeSpan.FromTicks(offset), (int)cycle));
                break;
            default:
                Complete(offset, endedEarly: false);
                break;
        }
    }

    private void SkipAhead(long active)
    {
        var missedFrom = _cursor.Offset;
        var missed = 0;
        while (!_cursor.IsDone && _cursor.Offset <= active)
        {
            switch (_cursor.Kind)
            {
                case BreathBoundaryKind.SessionEnd:
                    var end = _cursor.Offset;
                    Emit(new SessionSkippedAhead(_sequence++, TimeSpan.FromTicks(end), TimeSpan.FromTicks(missedFrom), missed, _timeline.At(TimeSpan.FromTicks(end))));
                    if (_state == BreathSessionState.Running)
                    {
                        Complete(end, endedEarly: false);
                    }

                    return;
                case BreathBoundaryKind.CycleEnd:
                    _completedCycles++;
                    break;
            }

            missed++;
            _cursor.MoveNext();
        }

        Emit(new SessionSkippedAhead(_sequence++, TimeSpan.FromTicks(active), TimeSpan.FromTicks(missedFrom), missed, _timeline.At(TimeSpan.FromTicks(active))));
    }

    private void Complete(long offset, bool endedEarly)
    {
        _state = BreathSessionState.Completed;
        _endOffset = offset;
        CancelTimer();
        var summary = SessionSummaries.Create(_timeline, offset, _completedCycles, _pausedTicks, endedEarly);
        var active = TimeSpan.FromTicks(offset);
        if (TryEmit(new SessionCompleted(_sequence++, active, summary)))
        {
            _sink.OnCompleted();
        }
    }

    private void Emit(BreathEvent e) => TryEmit(e);

    private bool TryEmit(BreathEvent e)
    {
        try
        {
            _sink.OnNext(e);
            return true;
        }
        catch (Exception ex)
        {
            // A throwing subscriber ends its own session; the scheduler and other sessions carry on.
            _endOffset = e.Offset.Ticks;
            _state = BreathSessionState.Completed;
            CancelTimer();
            _options.ReportSubscriberException(ex);
            return false;
        }
    }

    private void Arm(long activeDueTicks)
    {
        CancelTimer();
        var generation = _generation;
        var remaining = activeDueTicks + _pausedTicks - _clock!.Elapsed.Ticks;
        if (_scheduler is TimerWheelScheduler wheel)
        {
            _wheelTimer ??= wheel.CreateTimer(this, static (session, g) => ((PacingSession)session).OnTimer(g));
            _wheelTimer.Arm(TimeSpan.FromTicks(Math.Max(0, remaining)), generation);
            _timer = _wheelTimer;
            return;
        }

        var timer = _scheduler.Schedule(
            (Session: this, Generation: generation),
            TimeSpan.FromTicks(Math.Max(0, remaining)),
            static (_, state) =>
            {
                state.Session.OnTimer(state.Generation);
                return Disposable.Empty;
            });

        // A scheduler may run the action synchronously (e.g. ImmediateScheduler); then it has already
        // re-armed or ended, and this handle is spent.
        if (generation == _generation && _state == BreathSessionState.Running)
        {
            _timer = timer;
        }
    }

    private void CancelTimer()
    {
        _generation++;
        var timer = _timer;
        _timer = null;
        timer?.Dispose();
    }

    private long ActiveTicks() => _clock!.Elapsed.Ticks - _pausedTicks;

    private long ActiveTicksNow() => _state switch
    {
        _ when _clock is null => 0,
        BreathSessionState.Paused => _pauseStartedAt - _pausedTicks,
        BreathSessionState.Completed => _endOffset,
        _ => ActiveTicks(),
    };
}
