using System.Reactive.Concurrency;
using BreathPacing.Scheduling;

namespace BreathPacing;

/// <summary>
/// Settings for a <see cref="BreathPacer"/>. The pacer copies and validates them when it is created, so
/// later changes to this object have no effect on it.
/// </summary>
public sealed class BreathPacingOptions
{
    /// <summary>
    /// The scheduler sessions run on when a caller names none.
    /// <value>The default is <see langword="null"/>: use <see cref="TimeProvider"/> if set, otherwise <see cref="TimerWheelScheduler.Shared"/>
    /// (one thread for every session; see docs/adr/0002). Set Rx's <see cref="DefaultScheduler"/> to run each boundary on the thread pool instead.</value>
    /// </summary>
    public IScheduler? Scheduler { get; set; }

    /// <summary>
    /// A time provider to run sessions on (through <see cref="TimeProviderScheduler"/>) when <see cref="Scheduler"/> is not set,
    /// e.g. a <c>FakeTimeProvider</c> in tests. <see cref="TimeProvider.System"/> maps to <see cref="TimerWheelScheduler.Shared"/>, which runs on it.
    /// <value>The default is <see langword="null"/>.</value>
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// What a session does when its timer wakes later than <see cref="LateWakeThreshold"/>.
    /// <value>The default is <see cref="LateWakePolicy.SkipToNow"/>.</value>
    /// </summary>
    public LateWakePolicy LateWakePolicy { get; set; } = LateWakePolicy.SkipToNow;

    /// <summary>
    /// How late a wake-up may be before <see cref="LateWakePolicy"/> applies; below it, due events are simply delivered.
    /// <value>The default is 2 seconds. Must be positive.</value>
    /// </summary>
    public TimeSpan LateWakeThreshold { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Receives an exception thrown by a subscriber's <c>OnNext</c>, <c>OnError</c> or <c>OnCompleted</c>, on
    /// <see cref="IBreathPacer.Pace"/>, <see cref="BreathSession.Events"/> or <see cref="BreathSession.Frames(TimeSpan)"/>.
    /// The throwing subscriber is detached (for a cold <see cref="IBreathPacer.Pace"/> stream or a frame stream its
    /// ticking ends and its timer is freed); other subscribers and the scheduler carry on. If the handler itself
    /// throws, both exceptions go to <see cref="System.Diagnostics.Trace"/>.
    /// <value>The default is <see langword="null"/>: the exception is written to <see cref="System.Diagnostics.Trace"/>.</value>
    /// </summary>
    public Action<Exception>? SubscriberExceptionHandler { get; set; }

    internal BreathPacingOptions Validated()
    {
        if (LateWakeThreshold <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LateWakeThreshold), LateWakeThreshold, $"{nameof(LateWakeThreshold)} must be positive; was {LateWakeThreshold}.");
        }

        if (!Enum.IsDefined(LateWakePolicy))
        {
            throw new ArgumentOutOfRangeException(nameof(LateWakePolicy), LateWakePolicy, $"{nameof(LateWakePolicy)} must be SkipToNow or ReplayMissed; was {LateWakePolicy}.");
        }

        return new BreathPacingOptions
        {
            Scheduler = Scheduler,
            TimeProvider = TimeProvider,
            LateWakePolicy = LateWakePolicy,
            LateWakeThreshold = LateWakeThreshold,
            SubscriberExceptionHandler = SubscriberExceptionHandler,
        };
    }

    internal void ReportSubscriberException(Exception exception)
    {
        if (SubscriberExceptionHandler is { } handler)
        {
            try
            {
                handler(exception);
                return;
            }
            catch (Exception handlerFailure)
            {
                // The handler is foreign code too: its failure must not reach the scheduler either.
                exception = new AggregateException("The subscriber exception handler threw while reporting a subscriber's exception.", exception, handlerFailure);
            }
        }

        System.Diagnostics.Trace.TraceError("BreathPacing: a subscriber threw and was detached: {0}", exception);
    }
}
