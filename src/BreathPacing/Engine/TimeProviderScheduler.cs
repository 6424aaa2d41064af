using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace BreathPacing.Scheduling;

/// <summary>
/// An Rx scheduler driven by a <see cref="System.TimeProvider"/> (Rx 7 has no such adapter), so that a
/// <c>FakeTimeProvider</c> can drive the engine in tests, or a host's own clock in production. Its
/// stopwatch reads the provider's monotonic timestamp. Thread-safe if the provider is.
/// </summary>
public sealed class TimeProviderScheduler : IScheduler, IStopwatchProvider
{
    /// <summary>Creates a scheduler over <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The time provider, e.g. <see cref="TimeProvider.System"/> or a fake.</param>
    public TimeProviderScheduler(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
    }

    /// <summary>The time provider behind this scheduler.</summary>
    public TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, TimeSpan.Zero, action);

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var item = new Item<TState>(this, state, action);
        item.Arm(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
        return item;
    }

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, dueTime - Now, action);

    /// <inheritdoc />
    public IStopwatch StartStopwatch() => new TimeProviderStopwatch(TimeProvider);

    private sealed class Item<TState> : IDisposable
    {
        private readonly TimeProviderScheduler _scheduler;
        private readonly TState _state;
        private readonly Func<IScheduler, TState, IDisposable> _action;
        private readonly SingleAssignmentDisposable _result = new();
        private ITimer? _timer;
        private int _state0; // 0 pending, 1 ran or disposed

        public Item(TimeProviderScheduler scheduler, TState state, Func<IScheduler, TState, IDisposable> action)
        {
            _scheduler = scheduler;
            _state = state;
            _action = action;
        }

        public void Arm(TimeSpan dueTime)
        {
            var timer = _scheduler.TimeProvider.CreateTimer(static s => ((Item<TState>)s!).Run(), this, dueTime, Timeout.InfiniteTimeSpan);
            _timer = timer;
            if (Volatile.Read(ref _state0) == 1)
            {
                timer.Dispose();
            }
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _state0, 1);
            _timer?.Dispose();
            _result.Dispose();
        }

        private void Run()
        {
            if (Interlocked.Exchange(ref _state0, 1) == 1)
            {
                return;
            }

            _timer?.Dispose();
            _result.Disposable = _action(_scheduler, _state);
        }
    }
}
