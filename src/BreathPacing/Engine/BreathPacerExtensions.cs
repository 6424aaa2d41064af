using System.Reactive.Concurrency;

namespace BreathPacing;

/// <summary>Convenience overloads of <see cref="IBreathPacer"/>, in the Rx style: each with and without a scheduler.</summary>
public static class BreathPacerExtensions
{
    /// <summary>A cold stream of a session of <paramref name="pattern"/>, for its default length, on the pacer's default scheduler.</summary>
    /// <param name="pacer">The pacer.</param>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The events.</returns>
    public static IObservable<BreathEvent> Pace(this IBreathPacer pacer, BreathPattern pattern) => pacer.Pace(pattern, null);

    /// <summary>A cold stream of a session of <paramref name="pattern"/> on the pacer's default scheduler.</summary>
    /// <param name="pacer">The pacer.</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="length">The session length; <see langword="null"/> takes the pattern's default.</param>
    /// <returns>The events.</returns>
    public static IObservable<BreathEvent> Pace(this IBreathPacer pacer, BreathPattern pattern, SessionLength? length)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        return pacer.Pace(new BreathTimeline(pattern, length), pacer.DefaultScheduler);
    }

    /// <summary>A cold stream of a session of <paramref name="pattern"/> on <paramref name="scheduler"/>.</summary>
    /// <param name="pacer">The pacer.</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="length">The session length; <see langword="null"/> takes the pattern's default.</param>
    /// <param name="scheduler">The scheduler that supplies time.</param>
    /// <returns>The events.</returns>
    public static IObservable<BreathEvent> Pace(this IBreathPacer pacer, BreathPattern pattern, SessionLength? length, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        return pacer.Pace(new BreathTimeline(pattern, length), scheduler);
    }

    /// <summary>A cold stream of a session of <paramref name="timeline"/> on the pacer's default scheduler.</summary>
    /// <param name="pacer">The pacer.</param>
    /// <param name="timeline">The pattern and length.</param>
    /// <returns>The events.</returns>
    public static IObservable<BreathEvent> Pace(this IBreathPacer pacer, BreathTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        return pacer.Pace(timeline, pacer.DefaultScheduler);
    }

    /// <summary>Starts a controllable session of <paramref name="pattern"/>, for its default length, on the pacer's default scheduler.</summary>
    /// <param name="pacer">The pacer.</param>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The running session.</returns>
    public static BreathSession Start(this IBreathPacer pacer, BreathPattern pattern) => pacer.Start(pattern, null);

    /// <summary>Starts a controllable session of <paramref name="pattern"/> on the pacer's default scheduler.</summary>
    /// <param name="pacer">The pacer.</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="length">The session length; <see langword="null"/> takes the pattern's default.</param>
    /// <returns>The running session.</returns>
    public static BreathSession Start(this IBreathPacer pacer, BreathPattern pattern, SessionLength? length)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        return pacer.Start(new BreathTimeline(pattern, length), pacer.DefaultScheduler);
    }

    /// <summary>Starts a controllable session of <paramref name="pattern"/> on <paramref name="scheduler"/>.</summary>
    /// <param name="pacer">The pacer.</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="length">The session length; <see langword="null"/> takes the pattern's default.</param>
    /// <param name="scheduler">The scheduler that supplies time.</param>
    /// <returns>The running session.</returns>
    public static BreathSession Start(this IBreathPacer pacer, BreathPattern pattern, SessionLength? length, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        return pacer.Start(new BreathTimeline(pattern, length), scheduler);
    }

    /// <summary>Restores a session from <paramref name="snapshot"/> on the pacer's default scheduler; see <see cref="IBreathPacer.Restore"/>.</summary>
    /// <param name="pacer">The pacer.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The restored session.</returns>
    public static BreathSession Restore(this IBreathPacer pacer, BreathSessionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        return pacer.Restore(snapshot, pacer.DefaultScheduler);
    }

    /// <summary>Starts a controllable session of <paramref name="timeline"/> on the pacer's default scheduler.</summary>
    /// <param name="pacer">The pacer.</param>
    /// <param name="timeline">The pattern and length.</param>
    /// <returns>The running session.</returns>
    public static BreathSession Start(this IBreathPacer pacer, BreathTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        return pacer.Start(timeline, pacer.DefaultScheduler);
    }
}
