using System.Reactive.Concurrency;
using System.Reactive.Linq;
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

    /// <summary>The late wake-up policy sessions follow.</summary>
    public LateWakePolicy LateWakePolicy => _options.LateWakePolicy;

    /// <inheritdoc />
    public IObservable<BreathEvent> Pace(BreathTimeline timeline, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(scheduler);
        return Observable.Create<BreathEvent>(observer => new PacingSession(timeline, scheduler, _options, observer).Start());
    }

    /// <inheritdoc />
    public BreathSession Start(BreathTimeline timeline, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(scheduler);
        return new BreathSession(timeline, scheduler, _options);
    }
}
