using System.Collections.Immutable;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using BreathPacing.Scheduling;

namespace BreathPacing;

/// <summary>
/// The state machine of one session, for both a cold <c>Pace</c> subscription (one observer) and a
/// <see cref="BreathSession"/> (any number of subscribers, with replay).
/// </summary>
/// <remarks>
/// <para>
/// Time: one timer at a time, armed for the next boundary at an absolute instant of a monotonic clock (the
/// wheel's timestamp, or the scheduler's stopwatch found through <see cref="IServiceProvider"/>): start +
/// the boundary's ideal offset + time spent paused. A wake-up before that instant re-arms for the rest, so
/// nothing is early; due times never depend on when earlier timers fired, so nothing drifts.
/// </para>
/// <para>
/// Emission: every change (a timer, a control call, a subscription) is recorded under the lock and then
/// <em>pumped</em>: one thread at a time drains, taking one event from the <see cref="EventGenerator"/>
/// under the lock and delivering it outside the lock to every subscriber before taking the next. A control
/// call made from inside a callback is therefore only recorded; its events come after the current event has
/// reached everyone, so every subscriber sees the same sequence, and nothing follows the completion. Every
/// callback is guarded: a subscriber that throws is detached and reported; nothing reaches the scheduler.
/// </para>
/// <para>
/// Memory: the session is its own timer-wheel entry, and keeps no events: replay is generated again from
/// the timeline and the control records (pauses, skips, a stop), so it costs memory per pause, not per event.
/// </para>
/// </remarks>
internal sealed class PacingSession : TimerWheelScheduler.Entry, IDisposable
{
    private const byte Running = 0;
    private const byte Paused = 1;
    private const byte Completed = 2;

    private static readonly EventSubscription[] NoSubscribers = [];

    private readonly IScheduler _scheduler;
    private readonly BreathPacingOptions _options;
    private object? _observers; // a cold subscription's IObserver<BreathEvent>, or a session's EventSubscription[]
    private SessionControl? _control;
    private long _origin; // on a wheel: its timestamp at the start
    private EventGenerator _generator;
    private byte _state;
    private int _drain; // 0: idle; 1: one thread drains; 2: it drains, and more was recorded since it last looked
    private bool _disposed;
    private bool _completionDelivered;

    private PacingSession(BreathTimeline timeline, IScheduler scheduler, BreathPacingOptions options, object? observers)
    {
        _scheduler = scheduler;
        _options = options;
        _observers = observers;
        _generator = new EventGenerator(timeline);
    }

    public BreathTimeline Timeline => _generator.Timeline;

    public IScheduler Scheduler => _scheduler;

    public BreathSessionState State
    {
        get
        {
            lock (this)
            {
                return (BreathSessionState)_state;
            }
        }
    }

    public BreathPosition Position => SampleFrame(out _);

    private bool IsMulticast => _observers is EventSubscription[];

    /// <summary>The position now and whether the session has ended, in one look (a frame needs both).</summary>
    public BreathPosition SampleFrame(out bool completed)
    {
        lock (this)
        {
            completed = _state == Completed;
            var position = Timeline.At(TimeSpan.FromTicks(ActiveLocked()));
            return completed ? position.AsComplete() : position;
        }
    }

    /// <summary>A cold session with one observer (<c>Pace</c>): started at once; disposing it ends it silently.</summary>
    public static PacingSession StartCold(BreathTimeline timeline, IScheduler scheduler, BreathPacingOptions options, IObserver<BreathEvent> observer)
    {
        var session = new PacingSession(timeline, scheduler, options, observer);
        session.Start();
        return session;
    }

    /// <summary>A session any number of subscribers can join (<see cref="BreathSession"/>), started at once.</summary>
    public static PacingSession StartShared(BreathTimeline timeline, IScheduler scheduler, BreathPacingOptions options)
    {
        var session = new PacingSession(timeline, scheduler, options, NoSubscribers);
        session.Start();
        return session;
    }

    /// <summary>
    /// A session restored from <paramref name="snapshot"/>: its time since start is measured from the snapshot's
    /// start instant on this scheduler's clock (never less than at the snapshot), its history is the snapshot's, and its
    /// stream continues at the snapshot's sequence number. What fell due meanwhile follows the late wake-up policy.
    /// </summary>
    public static PacingSession StartRestored(BreathSessionSnapshot snapshot, IScheduler scheduler, BreathPacingOptions options)
    {
        var session = new PacingSession(new BreathTimeline(snapshot.Pattern, snapshot.Length), scheduler, options, NoSubscribers);
        long delay;
        int generation;
        lock (session)
        {
            var control = session.EnsureControl();
            control.Restore([.. snapshot.History.Select(c => c.ToRecord())]);
            control.RestoredFrom = snapshot.Sequence;
            foreach (var change in snapshot.History)
            {
                control.PausedTicks += change.PausedFor.Ticks;
            }

            var elapsedAtSnapshot = (snapshot.TakenAt - snapshot.StartedAt).Ticks;
            control.ElapsedBase = Math.Max(elapsedAtSnapshot, (scheduler.Now - snapshot.StartedAt).Ticks);
            session.StartClockLocked();
            switch (snapshot.State)
            {
                case BreathSessionState.Paused:
                    session._state = Paused;
                    control.PauseStartedAt = snapshot.ActiveTime.Ticks + control.PausedTicks;
                    break;
                case BreathSessionState.Completed:
                    session._state = Completed;
                    control.EndOffset = snapshot.ActiveTime.Ticks;
                    break;
            }

            session._generator.SkipTo(control.Records, snapshot.Sequence);
            delay = session.ArmLocked(0, session.ActiveLocked(), out generation);
        }

        session.ScheduleTimer(delay, generation);
        return session;
    }

    /// <summary>
    /// Brings the session in line with a newer snapshot of it (e.g. a pause made on another instance of a host): the
    /// snapshot's history must extend this session's, and each new change takes effect at its recorded offset. Returns
    /// <see langword="false"/>, changing nothing, when that cannot be: the histories differ, or this session has already
    /// emitted an event past a new change's offset. Then restore a fresh session from the snapshot instead.
    /// </summary>
    public bool TryApply(BreathSessionSnapshot snapshot)
    {
        lock (this)
        {
            if (!Timeline.Pattern.Equals(snapshot.Pattern) || !Timeline.Length.Equals(snapshot.Length))
            {
                throw new ArgumentException("The snapshot is of another session: its pattern or length differs.", nameof(snapshot));
            }

            var mine = _control?.Records ?? [];
            var theirs = snapshot.History;
            if (theirs.Length < mine.Length)
            {
                return false;
            }

            for (var i = 0; i < mine.Length; i++)
            {
                if (theirs[i].ToRecord() != mine[i])
                {
                    return false;
                }
            }

            if (theirs.Length == mine.Length)
            {
                return true;
            }

            // Check every new change fits where this session stands before changing anything.
            var state = _state;
            var last = _generator.LastOffset;
            for (var i = mine.Length; i < theirs.Length; i++)
            {
                var record = theirs[i].ToRecord();
                var fits = record.Kind switch
                {
                    ControlKind.Pause => state == Running,
                    ControlKind.Resume => state == Paused,
                    ControlKind.Skip => state == Running,
                    _ => state != Completed,
                };
                // Nothing this session has emitted may lie past the change: for a skip, not even the boundary it skips from.
                var at = record.Kind == ControlKind.Skip ? record.From : record.Offset;
                if (!fits || _disposed || at < last || (record.Kind == ControlKind.Skip && _generator.NextBoundary > record.From))
                {
                    return false;
                }

                state = record.Kind switch
                {
                    ControlKind.Pause => Paused,
                    ControlKind.Resume => Running,
                    ControlKind.Stop => Completed,
                    _ => state,
                };
            }

            var control = EnsureControl();
            for (var i = mine.Length; i < theirs.Length; i++)
            {
                var record = theirs[i].ToRecord();
                control.Append(record);
                switch (record.Kind)
                {
                    case ControlKind.Pause:
                        control.PauseStartedAt = record.Offset + control.PausedTicks;
                        _state = Paused;
                        break;
                    case ControlKind.Resume:
                        control.PausedTicks += record.Duration;
                        _state = Running;
                        break;
                    case ControlKind.Stop:
                        control.PausedTicks += record.Duration;
                        control.EndOffset = record.Offset;
                        _state = Completed;
                        break;
                }
            }

            if (_state != Running)
            {
                CancelTimerLocked();
            }
        }

        Pump();
        return true;
    }

    /// <summary>For a restored session, the first sequence number <c>Events</c> delivers; otherwise 0.</summary>
    public long FirstSequence
    {
        get
        {
            lock (this)
            {
                return _control?.RestoredFrom ?? 0;
            }
        }
    }

    /// <summary>The session's whole state now (see <see cref="BreathSessionSnapshot"/>).</summary>
    public BreathSessionSnapshot Snapshot()
    {
        lock (this)
        {
            var active = ActiveLocked();
            var state = (BreathSessionState)_state;
            if (Timeline.TotalDuration is { } total && active >= total.Ticks)
            {
                // The end has come though its timer has not run yet: the snapshot says so.
                state = BreathSessionState.Completed;
                active = total.Ticks;
            }

            return BreathSessionSnapshot.Of(Timeline, _scheduler.Now, ElapsedLocked(), active, state, _generator.Sequence, _control?.Records ?? default);
        }
    }

    /// <summary>
    /// Subscribes to the session's events with a sequence number greater than <paramref name="after"/>: what already
    /// happened is generated again and delivered first, then live events. The replay runs on whichever thread drains
    /// (the caller's, unless called from inside a callback, when it follows the current event).
    /// </summary>
    public IDisposable Subscribe(IObserver<BreathEvent> observer, long after)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var subscription = new EventSubscription(this, observer, after + 1);
        lock (this)
        {
            var control = EnsureControl();
            (control.Joining ??= []).Add(subscription);
        }

        Pump();
        return subscription;
    }

    public void Pause()
    {
        lock (this)
        {
            if (_state != Running || _disposed)
            {
                return;
            }

            var control = EnsureControl();
            var now = ElapsedLocked();
            control.Append(ControlRecord.Pause(now - control.PausedTicks));
            control.PauseStartedAt = now;
            _state = Paused;
            CancelTimerLocked();
        }

        Pump();
    }

    public void Resume()
    {
        lock (this)
        {
            if (_state != Paused || _disposed)
            {
                return;
            }

            var control = _control!;
            var active = control.PauseStartedAt - control.PausedTicks;
            var pausedFor = ElapsedLocked() - control.PauseStartedAt;
            control.PausedTicks += pausedFor;
            control.Append(ControlRecord.Resume(active, pausedFor));
            _state = Running;
        }

        Pump();
    }

    public void Stop()
    {
        lock (this)
        {
            if (_state == Completed || _disposed)
            {
                return;
            }

            var control = EnsureControl();
            var endedPause = 0L;
            long active;
            if (_state == Paused)
            {
                active = control.PauseStartedAt - control.PausedTicks;
                endedPause = ElapsedLocked() - control.PauseStartedAt;
                control.PausedTicks += endedPause;
            }
            else
            {
                active = ElapsedLocked() - control.PausedTicks;
            }

            // Past the planned end (its timer just has not run yet), the session ends on its own, not early.
            var end = Timeline.TotalDuration?.Ticks ?? long.MaxValue;
            if (active < end)
            {
                control.Append(ControlRecord.Stop(active, endedPause));
            }

            control.EndOffset = Math.Min(active, end);
            _state = Completed;
            CancelTimerLocked();
        }

        Pump();
    }

    /// <summary>Ends the session silently (the Rx meaning of disposing a subscription) and frees its timer.</summary>
    public void Dispose()
    {
        lock (this)
        {
            if (_disposed)
            {
                return;
            }

            if (_state != Completed)
            {
                EnsureControl().EndOffset = ActiveLocked();
                _state = Completed;
            }

            _disposed = true;
            CancelTimerLocked();
        }
    }

    internal override void Fire()
    {
        if (!IsStale)
        {
            Pump();
        }
    }

    internal void Unsubscribe(EventSubscription subscription)
    {
        lock (this)
        {
            _control?.Joining?.Remove(subscription);
            if (_observers is EventSubscription[] subscribers && Array.IndexOf(subscribers, subscription) is var index and >= 0)
            {
                _observers = subscribers.Length == 1 ? NoSubscribers : [.. subscribers[..index], .. subscribers[(index + 1)..]];
            }
        }
    }

    private void Start()
    {
        long delay;
        int generation;
        lock (this)
        {
            StartClockLocked();

            // The first events are due at once; they are delivered on the scheduler, not inside this call.
            delay = ArmLocked(0, 0, out generation);
        }

        ScheduleTimer(delay, generation);
    }

    private void StartClockLocked()
    {
        if (_scheduler is TimerWheelScheduler wheel)
        {
            _origin = wheel.Timestamp();
        }
        else
        {
            // Monotonic: the scheduler's own stopwatch (Rx finds it through IServiceProvider), never its Now.
            EnsureControl().Clock = (_scheduler as IStopwatchProvider)?.StartStopwatch() ?? _scheduler.StartStopwatch();
        }
    }

    /// <summary>
    /// Drains what is due unless another thread is already draining (it will see what was recorded): one event at a
    /// time taken under the lock, delivered outside it. Whoever records something (a timer, a control call, a
    /// subscription) calls this after releasing the lock; an atomic flag makes exactly one thread drain and makes the
    /// drainer look again when something was recorded while it delivered. The hot path (a timer firing for one
    /// boundary) takes the lock once and reads the clock once.
    /// </summary>
    private void Pump()
    {
        if (Interlocked.Exchange(ref _drain, 2) != 0)
        {
            return; // another thread drains; it will see the 2 and look again
        }

        var active = 0L;
        var activeFor = -1; // the number of control records the cached active time was read with (-1: not read yet)
        while (true)
        {
            Volatile.Write(ref _drain, 1); // everything recorded until now is taken below
            BreathEvent? next = null;
            EventSubscription? joining = null;
            var complete = false;
            var delay = -1L;
            var generation = 0;
            var dry = false;
            lock (this)
            {
                if (_disposed)
                {
                    Volatile.Write(ref _drain, 0);
                    return;
                }

                if (_control?.Joining is { Count: > 0 } waiting)
                {
                    joining = waiting[0];
                    waiting.RemoveAt(0);
                }
                else
                {
                    var records = _control?.Records.Length ?? 0;
                    if (activeFor != records || _state != Running)
                    {
                        active = ActiveLocked();
                        activeFor = records;
                    }

                    next = NextLocked(active);
                    if (next is null && _state == Running && !_generator.IsFinished)
                    {
                        // Dry at the instant read before: read the clock again, in case more fell due while delivering.
                        active = ActiveLocked();
                        if (_generator.NextBoundary <= active)
                        {
                            next = NextLocked(active);
                        }
                    }

                    if (next is null && _generator.IsFinished && !_completionDelivered)
                    {
                        complete = _completionDelivered = true;
                    }
                    else if (next is null || (_generator.NextBoundary > active && _generator.RecordIndex == records && _state == Running && !_generator.IsFinished))
                    {
                        // Nothing more is due by the time read: arm for what comes next now, so that after delivering
                        // the drain can end without taking the lock again unless something was recorded meanwhile.
                        dry = true;
                        if (_state == Running && !_generator.IsFinished)
                        {
                            delay = ArmLocked(_generator.NextBoundary, active, out generation);
                        }
                        else
                        {
                            CancelTimerLocked();
                        }
                    }
                }
            }

            if (joining is not null)
            {
                Join(joining);
                continue;
            }

            if (complete)
            {
                DeliverCompletion();
                continue;
            }

            if (next is not null)
            {
                Deliver(next);
            }

            if (dry)
            {
                ScheduleTimer(delay, generation);
                if (Interlocked.CompareExchange(ref _drain, 0, 1) == 1)
                {
                    return; // nothing was recorded while delivering
                }
            }
        }
    }

    /// <summary>The next event due by <paramref name="active"/>, deciding a skip-ahead first when the next boundary is far overdue. Under the lock.</summary>
    private BreathEvent? NextLocked(long active)
    {
        if (_generator.IsFinished)
        {
            return null;
        }

        var records = _control?.Records ?? default;
        if (_state == Running
            && _options.LateWakePolicy == LateWakePolicy.SkipToNow
            && _generator.HasStarted
            && _generator.RecordIndex == (records.IsDefault ? 0 : records.Length)
            && !_generator.AtEnd
            && _generator.NextBoundary is var boundary and < long.MaxValue
            && active - boundary > _options.LateWakeThreshold.Ticks)
        {
            var control = EnsureControl();
            control.Append(ControlRecord.Skip(boundary, active));
            records = control.Records;
        }

        var e = _generator.Next(records, active);
        if (_generator.IsFinished && _state != Completed)
        {
            // The session reached its planned end (or a late wake-up passed it).
            EnsureControl().EndOffset = e!.Offset.Ticks;
            _state = Completed;
            CancelTimerLocked();
        }

        return e;
    }

    private void Deliver(BreathEvent e)
    {
        var observers = Volatile.Read(ref _observers);
        if (observers is IObserver<BreathEvent> single)
        {
            try
            {
                single.OnNext(e);
            }
            catch (Exception ex)
            {
                // A throwing subscriber ends its own cold session; the scheduler and other sessions carry on.
                Dispose();
                _options.ReportSubscriberException(ex);
            }

            return;
        }

        foreach (var subscription in (EventSubscription[])observers!)
        {
            subscription.OnNext(e);
        }
    }

    private void DeliverCompletion()
    {
        object? observers;
        lock (this)
        {
            observers = _observers;
            _observers = IsMulticast ? NoSubscribers : null;
        }

        if (observers is IObserver<BreathEvent> single)
        {
            try
            {
                single.OnCompleted();
            }
            catch (Exception ex)
            {
                _options.ReportSubscriberException(ex);
            }

            return;
        }

        foreach (var subscription in (EventSubscription[])observers!)
        {
            subscription.OnCompleted();
        }
    }

    /// <summary>Replays what happened to a new subscriber, then lets it in. Runs on the draining thread, outside the lock.</summary>
    private void Join(EventSubscription subscription)
    {
        ImmutableArray<ControlRecord> records;
        long delivered;
        lock (this)
        {
            records = _control?.Records ?? default;
            delivered = _generator.Sequence; // everything generated has been delivered: the drain takes one event at a time
        }

        var replay = new EventGenerator(Timeline);
        replay.SkipTo(records, subscription.From);
        while (replay.Sequence < delivered && replay.Next(records, long.MaxValue) is { } e)
        {
            if (!subscription.OnNext(e))
            {
                return;
            }
        }

        bool finished;
        lock (this)
        {
            finished = _completionDelivered;
            if (!finished && !subscription.IsDisposed)
            {
                _observers = (EventSubscription[])[.. (EventSubscription[])_observers!, subscription];
            }
        }

        if (finished)
        {
            subscription.OnCompleted();
        }
    }

    /// <summary>
    /// Arms the timer for the boundary at <paramref name="activeDue"/>. On a wheel it is armed here (no allocation); on an
    /// Rx scheduler this returns the delay to schedule outside the lock (<see cref="ScheduleTimer"/>), since a foreign
    /// scheduler may run the action at once, on another thread. Under the lock.
    /// </summary>
    private long ArmLocked(long activeDue, long activeNow, out int generation)
    {
        var remaining = Math.Max(0, activeDue - activeNow);
        generation = 0;
        if (_scheduler is TimerWheelScheduler wheel)
        {
            wheel.Arm(this, TimeSpan.FromTicks(remaining));
            return -1;
        }

        CancelTimerLocked();
        generation = _control!.Generation;
        return remaining;
    }

    private void ScheduleTimer(long delay, int generation)
    {
        if (delay < 0)
        {
            return;
        }

        var timer = _scheduler.Schedule(
            (Session: this, Generation: generation),
            TimeSpan.FromTicks(delay),
            static (_, state) =>
            {
                state.Session.OnTimer(state.Generation);
                return Disposable.Empty;
            });

        lock (this)
        {
            if (_control is { Timer: null } control && control.Generation == generation && !_disposed)
            {
                control.Timer = timer;
                return;
            }
        }

        // Superseded, cancelled, or already run (a scheduler may run it before Schedule returns): this handle is spent.
        timer.Dispose();
    }

    private void OnTimer(int generation)
    {
        lock (this)
        {
            if (_control is not { } control || generation != control.Generation)
            {
                return; // a stale timer: cancelled, or superseded by a re-arm
            }

            control.Generation++; // spent: a handle stored later for it is disposed, not kept as the pending timer
            control.Timer = null;
        }

        Pump();
    }

    private void CancelTimerLocked()
    {
        if (_scheduler is TimerWheelScheduler wheel)
        {
            wheel.Cancel(this);
            return;
        }

        if (_control is { } control)
        {
            control.Generation++;
            var timer = control.Timer;
            control.Timer = null;
            timer?.Dispose();
        }
    }

    private long ElapsedLocked() => (_control?.ElapsedBase ?? 0) + (_scheduler is TimerWheelScheduler wheel
        ? wheel.ElapsedTicks(_origin)
        : _control?.Clock?.Elapsed.Ticks ?? 0);

    private long ActiveLocked() => _state switch
    {
        Running => ElapsedLocked() - (_control?.PausedTicks ?? 0),
        Paused => _control!.PauseStartedAt - _control.PausedTicks,
        _ => _control?.EndOffset ?? 0,
    };

    private SessionControl EnsureControl() => _control ??= new SessionControl();

    internal void ReportSubscriberException(Exception exception) => _options.ReportSubscriberException(exception);

    /// <summary>What only some sessions need: control records, pause bookkeeping, joining subscribers, a timer on an Rx scheduler.</summary>
    private sealed class SessionControl
    {
        public ImmutableArray<ControlRecord> Records { get; private set; } = [];

        public long PausedTicks { get; set; }

        public long PauseStartedAt { get; set; }

        public long EndOffset { get; set; }

        public List<EventSubscription>? Joining { get; set; }

        public IStopwatch? Clock { get; set; }

        public IDisposable? Timer { get; set; }

        public int Generation { get; set; }

        /// <summary>For a restored session: the time since its start (pauses included) when its clock started here.</summary>
        public long ElapsedBase { get; set; }

        /// <summary>For a restored session: the first sequence number it delivers to <c>Events</c>.</summary>
        public long RestoredFrom { get; set; }

        public void Restore(ImmutableArray<ControlRecord> records) => Records = records;

        public void Append(ControlRecord record) => Records = Records.Add(record);
    }
}

/// <summary>One subscriber of a <see cref="BreathSession"/>'s events: guarded, and detached when it throws or is disposed.</summary>
internal sealed class EventSubscription(PacingSession session, IObserver<BreathEvent> observer, long from) : IDisposable
{
    private volatile bool _disposed;

    /// <summary>The first sequence number this subscriber receives.</summary>
    public long From { get; } = Math.Max(0, from);

    public bool IsDisposed => _disposed;

    /// <summary>Delivers <paramref name="e"/> (if this subscriber wants it); returns whether it is still subscribed.</summary>
    public bool OnNext(BreathEvent e)
    {
        if (_disposed)
        {
            return false;
        }

        if (e.Sequence < From)
        {
            return true;
        }

        try
        {
            observer.OnNext(e);
            return true;
        }
        catch (Exception ex)
        {
            Dispose();
            session.ReportSubscriberException(ex);
            return false;
        }
    }

    public void OnCompleted()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            observer.OnCompleted();
        }
        catch (Exception ex)
        {
            session.ReportSubscriberException(ex);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        session.Unsubscribe(this);
    }
}
