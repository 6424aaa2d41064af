using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace BreathPacing;

/// <summary>
/// Samples a session's position at absolute instants k × interval, on one timer at a time. A generation
/// counter makes every superseded or cancelled timer harmless, so a tick that runs on another thread
/// before <see cref="IScheduler.Schedule{TState}(TState, TimeSpan, Func{IScheduler, TState, IDisposable})"/>
/// has even returned cannot leave the chain without a live timer. No lock is held while the observer runs
/// (it may read the session, which has its own lock); ticks never overlap because only a tick arms the next.
/// </summary>
internal sealed class FrameTicker : IDisposable
{
    private readonly object _gate = new();
    private readonly BreathSession _session;
    private readonly long _intervalTicks;
    private readonly IScheduler _scheduler;
    private readonly IObserver<BreathFrame> _observer;
    private readonly BreathPacingOptions _options;
    private IStopwatch? _clock;
    private IDisposable? _timer;
    private long _generation;
    private long _index;
    private bool _disposed;

    public FrameTicker(BreathSession session, TimeSpan interval, IScheduler scheduler, IObserver<BreathFrame> observer, BreathPacingOptions options)
    {
        _options = options;
        _session = session;
        _intervalTicks = interval.Ticks;
        _scheduler = scheduler;
        _observer = observer;
    }

    public IDisposable Start()
    {
        _clock = _scheduler.StartStopwatch();
        Arm();
        return this;
    }

    public void Dispose()
    {
        IDisposable? timer;
        lock (_gate)
        {
            _disposed = true;
            _generation++;
            timer = _timer;
            _timer = null;
        }

        timer?.Dispose();
    }

    private void Arm()
    {
        long generation;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            generation = ++_generation;
        }

        var remaining = (_index * _intervalTicks) - _clock!.Elapsed.Ticks;
        var timer = _scheduler.Schedule((Ticker: this, Generation: generation), TimeSpan.FromTicks(Math.Max(0, remaining)), static (_, state) =>
        {
            state.Ticker.Tick(state.Generation);
            return Disposable.Empty;
        });

        lock (_gate)
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

    private void Tick(long generation)
    {
        lock (_gate)
        {
            if (_disposed || generation != _generation)
            {
                return; // a stale timer
            }

            _timer = null;
        }

        if (_clock!.Elapsed.Ticks < _index * _intervalTicks)
        {
            Arm(); // woke early: wait for the remainder
            return;
        }

        var position = _session.Position;
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

        if (position.IsComplete || _session.State == BreathSessionState.Completed)
        {
            Dispose();
            _observer.OnCompleted();
            return;
        }

        // Skip frames that are already past (a slow subscriber or a late wake-up) rather than bursting.
        var now = _clock.Elapsed.Ticks;
        _index = Math.Max(_index + 1, (now / _intervalTicks) + 1);
        Arm();
    }
}
