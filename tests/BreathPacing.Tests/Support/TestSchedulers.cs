using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Threading;

namespace BreathPacing.Tests.Support;

/// <summary>
/// Wraps a virtual-time scheduler and counts what is pending, so tests can see that a session keeps at
/// most one timer and frees it when it ends. Optionally fires every timed action early by
/// <see cref="FireEarlyBy"/> (as a coarse OS timer may), to prove the engine re-arms instead of emitting early.
/// </summary>
public sealed class CountingScheduler : IScheduler, IStopwatchProvider
{
    private readonly VirtualTimeSchedulerBase<DateTimeOffset, TimeSpan> _inner;
    private int _pending;

    public CountingScheduler(VirtualTimeSchedulerBase<DateTimeOffset, TimeSpan> inner) => _inner = inner;

    public TimeSpan FireEarlyBy { get; init; }

    public int Pending => Volatile.Read(ref _pending);

    public int MaxPending { get; private set; }

    public int Scheduled { get; private set; }

    public DateTimeOffset Now => _inner.Now;

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, TimeSpan.Zero, action);

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, dueTime - Now, action);

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        var done = 0;
        Scheduled++;
        MaxPending = Math.Max(MaxPending, Interlocked.Increment(ref _pending));
        var early = dueTime > FireEarlyBy ? dueTime - FireEarlyBy : dueTime; // a short remainder fires on time, as OS timers do
        var inner = _inner.Schedule(state, early, (s, st) =>
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                Interlocked.Decrement(ref _pending);
            }

            return action(this, st);
        });
        return Disposable.Create(() =>
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                Interlocked.Decrement(ref _pending);
            }

            inner.Dispose();
        });
    }

    public IStopwatch StartStopwatch() => _inner.StartStopwatch();
}

/// <summary>
/// Runs an action that is due at once to completion on another thread before <c>Schedule</c> returns — the
/// worst interleaving a thread-pool timer can produce; later actions wait for the wrapped virtual clock.
/// </summary>
public sealed class RacingScheduler(VirtualTimeSchedulerBase<DateTimeOffset, TimeSpan> inner) : IScheduler, IStopwatchProvider
{
    public DateTimeOffset Now => inner.Now;

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) => Schedule(state, TimeSpan.Zero, action);

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) => Schedule(state, dueTime - Now, action);

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        if (dueTime > TimeSpan.Zero)
        {
            return inner.Schedule(state, dueTime, (_, s) => action(this, s));
        }

        var thread = new Thread(() => action(this, state));
        thread.Start();
        thread.Join();
        return Disposable.Empty;
    }

    public IStopwatch StartStopwatch() => inner.StartStopwatch();
}
