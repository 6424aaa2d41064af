using System.Reactive.Concurrency;
using BreathPacing.Scheduling;

namespace BreathPacing;

/// <summary>
/// The breath-pattern engine: turns timelines into drift-free event streams and controllable sessions on
/// any Rx scheduler. Thread-safe; one instance serves any number of sessions.
/// </summary>
public sealed class BreathPacer : IBreathPacer
{
    private readonly BreathPacingOptions _options;

    /// <summary>Creates a pacer with default options: sessions run on <see cref="TimerWheelScheduler.Shared"/>.</summary>
    public BreathPacer()
        : this(new BreathPacingOptions())
    {
    }

    /// <summary>Creates a pacer with <paramref name="options"/> (copied and validated now).</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public BreathPacer(BreathPacingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
        DefaultScheduler = _options.Scheduler
            ?? (_options.TimeProvider is { } provider && provider != TimeProvider.System ? new TimeProviderScheduler(provider) : TimerWheelScheduler.Shared);
    }

    /// <inheritdoc />
    public IScheduler DefaultScheduler { get; }

    /// <inheritdoc />
    public LateWakePolicy LateWakePolicy => _options.LateWakePolicy;

    /// <inheritdoc />
    public IObservable<BreathEvent> Pace(BreathTimeline timeline, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(scheduler);
        return new ColdSession(timeline, scheduler, _options);
    }

    /// <inheritdoc />
    public BreathSession Start(BreathTimeline timeline, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(scheduler);
        return new BreathSession(timeline, scheduler, _options);
    }

    /// <inheritdoc />
    public BreathSession Restore(BreathSessionSnapshot snapshot, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(scheduler);
        return BreathSession.Restore(snapshot, scheduler, _options);
    }

    /// <summary>A cold stream: each subscription starts its own session, which is the subscription's disposable.</summary>
    private sealed class ColdSession(BreathTimeline timeline, IScheduler scheduler, BreathPacingOptions options) : IObservable<BreathEvent>
    {
        public IDisposable Subscribe(IObserver<BreathEvent> observer)
        {
            ArgumentNullException.ThrowIfNull(observer);
            return PacingSession.StartCold(timeline, scheduler, options, observer);
        }
    }
}
