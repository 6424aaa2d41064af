using System.Reactive.Concurrency;

namespace BreathPacing.Safety;

/// <summary>
/// A pacer that refuses, with <see cref="UnsafeBreathPatternException"/>, every pattern that raises a warning
/// under its <see cref="Profile"/>, and otherwise hands the work to the pacer it wraps. Use it where an app must
/// not pace a pattern past its thresholds (register it with <c>services.AddStrictBreathSafety()</c>); without it
/// the engine never refuses a valid pattern, and hosts show the profile's findings instead. Thread-safe.
/// </summary>
/// <remarks>The check is a separate step on purpose: which patterns to accept is a policy, not a pacing option (docs/adr/0008).</remarks>
public sealed class SafeBreathPacer : IBreathPacer
{
    private readonly IBreathPacer _inner;

    /// <summary>Wraps <paramref name="inner"/>, refusing patterns with warnings under <paramref name="profile"/>.</summary>
    /// <param name="inner">The pacer that paces accepted patterns.</param>
    /// <param name="profile">The thresholds; <see langword="null"/> for <see cref="SafetyProfile.Gentle"/>.</param>
    public SafeBreathPacer(IBreathPacer inner, SafetyProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        Profile = profile ?? SafetyProfile.Gentle;
    }

    /// <summary>The thresholds patterns are checked against.</summary>
    public SafetyProfile Profile { get; }

    /// <inheritdoc />
    public IScheduler DefaultScheduler => _inner.DefaultScheduler;

    /// <inheritdoc />
    public LateWakePolicy LateWakePolicy => _inner.LateWakePolicy;

    /// <inheritdoc />
    /// <exception cref="UnsafeBreathPatternException">The pattern raises a warning under <see cref="Profile"/>.</exception>
    public IObservable<BreathEvent> Pace(BreathTimeline timeline, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        Profile.EnsureAcceptable(timeline.Pattern);
        return _inner.Pace(timeline, scheduler);
    }

    /// <inheritdoc />
    /// <exception cref="UnsafeBreathPatternException">The pattern raises a warning under <see cref="Profile"/>.</exception>
    public BreathSession Restore(BreathSessionSnapshot snapshot, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Profile.EnsureAcceptable(snapshot.Pattern);
        return _inner.Restore(snapshot, scheduler);
    }

    /// <inheritdoc />
    /// <exception cref="UnsafeBreathPatternException">The pattern raises a warning under <see cref="Profile"/>.</exception>
    public BreathSession Start(BreathTimeline timeline, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        Profile.EnsureAcceptable(timeline.Pattern);
        return _inner.Start(timeline, scheduler);
    }
}
