using System.Reactive.Concurrency;

namespace BreathPacing.Engine;

/// <summary>
/// Settings for a <see cref="BreathPacer"/>. The pacer copies and validates them when it is created, so
/// later changes to this object have no effect on it.
/// </summary>
public sealed class BreathPacingOptions
{
    /// <summary>
    /// The scheduler sessions run on when a caller names none.
    /// <value>The default is <see langword="null"/>: use <see cref="TimeProvider"/> if set, otherwise Rx's <see cref="DefaultScheduler"/>.</value>
    /// </summary>
    public IScheduler? Scheduler { get; set; }

    /// <summary>
    /// A time provider to run sessions on (through <see cref="TimeProviderScheduler"/>) when <see cref="Scheduler"/> is not set,
    /// e.g. a <c>FakeTimeProvider</c> in tests.
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
    /// Receives an exception thrown by a subscriber's <c>OnNext</c>. The throwing subscriber is detached (for a
    /// cold <see cref="IBreathPacer.Pace"/> stream its session ends and its timer is freed); other subscribers and
    /// the scheduler carry on.
    /// <value>The default is <see langword="null"/>: the exception is written to <see cref="System.Diagnostics.Trace"/>.</value>
    /// </summary>
    public Action<Exception>? SubscriberExceptionHandler { get; set; }

    /// <summary>
    /// The safety profile patterns are checked against when <see cref="StrictSafety"/> is on.
    /// <value>The default is <see langword="null"/>: strict mode uses <see cref="Safety.SafetyProfile.Gentle"/>.</value>
    /// </summary>
    public Safety.SafetyProfile? SafetyProfile { get; set; }

    /// <summary>
    /// Whether the pacer refuses, with <see cref="Safety.UnsafeBreathPatternException"/>, a pattern that raises a
    /// warning under <see cref="SafetyProfile"/>. Otherwise the pacer never refuses a valid pattern; hosts show the
    /// profile's findings instead.
    /// <value>The default is <see langword="false"/>.</value>
    /// </summary>
    public bool StrictSafety { get; set; }

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
            SafetyProfile = SafetyProfile,
            StrictSafety = StrictSafety,
        };
    }

    /// <summary>In strict mode, throws <see cref="Safety.UnsafeBreathPatternException"/> for a pattern with warnings.</summary>
    internal void EnsureSafe(Patterns.BreathPattern pattern)
    {
        if (StrictSafety)
        {
            (SafetyProfile ?? Safety.SafetyProfile.Gentle).EnsureAcceptable(pattern);
        }
    }

    internal void ReportSubscriberException(Exception exception)
    {
        if (SubscriberExceptionHandler is { } handler)
        {
            handler(exception);
        }
        else
        {
            System.Diagnostics.Trace.TraceError("BreathPacing: a subscriber threw and was detached: {0}", exception);
        }
    }
}
