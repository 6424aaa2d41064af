using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace BreathPacing.Scheduling;

/// <summary>
/// An Rx scheduler driven by a <see cref="System.TimeProvider"/> (Rx 7 has no such adapter), so that a
/// <c>FakeTimeProvider</c> can drive the engine in tests, or a host's own clock in production. Its
/// stopwatch (found by Rx through <see cref="IServiceProvider"/>) reads the provider's monotonic timestamp,
/// so sessions never follow changes of the provider's wall clock. Thread-safe if the provider is.
/// </summary>
public sealed class TimeProviderScheduler : LocalScheduler
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

    /// <summary>The provider's wall-clock time (used only for absolute due times; durations use its monotonic timestamp).</summary>
    public override DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <inheritdoc />
    public override IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var item = new Item<TState>(this, state, action);
        item.Arm(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
        return item;
    }

    /// <summary>Schedules <paramref name="action"/> at <paramref name="dueTime"/> on the provider's wall clock, converted once to a delay.</summary>
    /// <typeparam name="TState">The type of the state.</typeparam>
    /// <param name="state">The state passed to the action.</param>
    /// <param name="dueTime">The absolute due time.</param>
    /// <param name="action">The action.</param>
    /// <returns>A disposable that cancels the action if it has not run.</returns>
    public override IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, dueTime - Now, action);

    /// <summary>A stopwatch on the provider's monotonic timestamp.</summary>
    /// <returns>A started stopwatch.</returns>
    public override IStopwatch StartStopwatch() => new TimeProviderStopwatch(TimeProvider);

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
