using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace BreathPacing.Engine;

/// <summary>Samples a session's position at absolute instants k × interval, on one timer at a time.</summary>
internal sealed class FrameTicker : IDisposable
{
    private readonly BreathSession _session;
    private readonly long _intervalTicks;
    private readonly IScheduler _scheduler;
    private readonly IObserver<BreathFrame> _observer;
    private readonly SerialDisposable _timer = new();
    private IStopwatch? _clock;
    private long _index;

    public FrameTicker(BreathSession session, TimeSpan interval, IScheduler scheduler, IObserver<BreathFrame> observer)
    {
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

    public void Dispose() => _timer.Dispose();

    private void Arm()
    {
        var remaining = (_index * _intervalTicks) - _clock!.Elapsed.Ticks;
        _timer.Disposable = _scheduler.Schedule(this, TimeSpan.FromTicks(Math.Max(0, remaining)), static (_, self) =>
        {
            self.Tick();
            return Disposable.Empty;
        });
    }

    private void Tick()
    {
        if (_timer.IsDisposed)
        {
            return;
        }

        if (_clock!.Elapsed.Ticks < _index * _intervalTicks)
        {
            Arm(); // woke early: wait for the remainder
            return;
        }

        var position = _session.Position;
        _observer.OnNext(new BreathFrame(_index, position));
        if (position.IsComplete || _session.State == BreathSessionState.Completed)
        {
            _observer.OnCompleted();
            _timer.Dispose();
            return;
        }

        // Skip frames that are already past (a slow subscriber or a late wake-up) rather than bursting.
        var now = _clock.Elapsed.Ticks;
        _index = Math.Max(_index + 1, (now / _intervalTicks) + 1);
        Arm();
    }
}
