using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using BreathPacing.Scheduling;

namespace BreathPacing;

/// <summary>
/// Samples a session's position at absolute instants k × interval after subscription, one timer at a time, on a
/// monotonic clock. On a timer wheel the ticker is its own wheel entry, so a frame allocates nothing. Ticks never
/// overlap (only a tick arms the next), the observer is guarded (a throwing observer is detached and reported;
/// nothing reaches the scheduler), and no lock is held while it runs (it may read or control the session).
/// </summary>
internal sealed class FrameTicker : TimerWheelScheduler.Entry, IDisposable
{
    private readonly PacingSession _session;
    private readonly long _intervalTicks;
    private readonly IScheduler _scheduler;
    private readonly IObserver<BreathFrame> _observer;
    private readonly BreathPacingOptions _options;
    private long _origin;
    private IStopwatch? _clock;
    private IDisposable? _timer;
    private int _generation;
    private long _index;
    private volatile bool _disposed;

    private FrameTicker(PacingSession session, TimeSpan interval, IScheduler scheduler, IObserver<BreathFrame> observer, BreathPacingOptions options)
    {
        _session = session;
        _intervalTicks = interval.Ticks;
        _scheduler = scheduler;
        _observer = observer;
        _options = options;
    }

    public static IDisposable Start(PacingSession session, TimeSpan interval, IScheduler scheduler, IObserver<BreathFrame> observer, BreathPacingOptions options)
    {
        var ticker = new FrameTicker(session, interval, scheduler, observer, options);
        if (scheduler is TimerWheelScheduler wheel)
        {
            ticker._origin = wheel.Timestamp();
        }
        else
        {
            ticker._clock = (scheduler as IStopwatchProvider)?.StartStopwatch() ?? scheduler.StartStopwatch();
        }

        ticker.Arm();
        return ticker;
    }

    public void Dispose()
    {
        IDisposable? timer;
        lock (this)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _generation++;
            timer = _timer;
            _timer = null;
        }


        if (_scheduler is TimerWheelScheduler wheel)
        {
            wheel.Cancel(this);
        }

        timer?.Dispose();
    }

    internal override void Fire()
    {
        if (!IsStale)
        {
            Tick(0);
        }
    }

    private long Elapsed() => _scheduler is TimerWheelScheduler wheel ? wheel.ElapsedTicks(_origin) : _clock!.Elapsed.Ticks;

    private void Arm() => Arm(Elapsed());

    private void Arm(long now)
    {
        var remaining = TimeSpan.FromTicks(Math.Max(0, (_index * _intervalTicks) - now));
        if (_scheduler is TimerWheelScheduler wheel)
        {
            // The ticker is its own wheel entry: re-arming allocates nothing, and a stale firing is dropped by the wheel.
            if (!_disposed)
            {
                wheel.Arm(this, remaining);
            }

            return;
        }

        int generation;
        lock (this)
        {
            if (_disposed)
            {
                return;
            }

            generation = ++_generation;
        }

        var timer = _scheduler.Schedule((Ticker: this, Generation: generation), remaining, static (_, state) =>
        {
            state.Ticker.Tick(state.Generation);
            return Disposable.Empty;
        });

        lock (this)
        {
            if (generation == _generation && !_disposed)
            {
                _timer = timer;
                return;
            }
        }

        // Superseded (the tick already ran and re-armed) or disposed meanwhile: this handle is spent.
        timer.Dispose();
    }

    private void Tick(int generation)
    {
        if (_scheduler is not TimerWheelScheduler)
        {
            lock (this)
            {
                if (_disposed || generation != _generation)
                {
                    return; // a stale timer
                }

                _timer = null;
            }
        }
        else if (_disposed)
        {
            return;
        }

        var now = Elapsed();
        if (now < _index * _intervalTicks)
        {
            Arm(now); // woke early: wait for the remainder
            return;
        }

        var position = _session.SampleFrame(out var completed);
        try
        {
            _observer.OnNext(new BreathFrame(_index, position));
        }
        catch (Exception ex)
        {
            // As for events: a throwing subscriber loses its frames; the scheduler (often a shared wheel) carries on.
            Dispose();
            _options.ReportSubscriberException(ex);
            return;
        }

        if (position.IsComplete || completed)
        {
            if (_disposed)
            {
                return; // the observer unsubscribed in its callback: nothing more, not even completion
            }

            Dispose();
            try
            {
                _observer.OnCompleted();
            }
            catch (Exception ex)
            {
                _options.ReportSubscriberException(ex);
            }

            return;
        }

        // Skip frames that are already past (a slow subscriber or a late wake-up) rather than bursting.
        now = Elapsed();
        _index = Math.Max(_index + 1, (now / _intervalTicks) + 1);
        Arm(now);
    }
}
