using System.Reactive.Concurrency;

namespace BreathPacing;

/// <summary>
/// Paces breath patterns in time. Overloads taking a pattern and a session length, and overloads without
/// a scheduler, are in <see cref="BreathPacerExtensions"/>.
/// </summary>
public interface IBreathPacer
{
    /// <summary>The scheduler used when a caller names none.</summary>
    IScheduler DefaultScheduler { get; }

    /// <summary>
    /// What a session does when its timer wakes later than the pacer's threshold (the machine slept, the process was
    /// suspended). Under virtual time, simulate it with <c>HistoricalScheduler.Sleep</c>, which moves the clock without
    /// running what falls due; <c>AdvanceBy</c> runs everything on time and never wakes late.
    /// </summary>
    LateWakePolicy LateWakePolicy { get; }

    /// <summary>
    /// A cold stream of a session's events: each subscription starts its own session on
    /// <paramref name="scheduler"/>; disposing the subscription ends it silently and frees its timer.
    /// </summary>
    /// <param name="timeline">The pattern and length to pace.</param>
    /// <param name="scheduler">The scheduler that supplies time.</param>
    /// <returns>The events, completing after <see cref="SessionCompleted"/>.</returns>
    IObservable<BreathEvent> Pace(BreathTimeline timeline, IScheduler scheduler);

    /// <summary>
    /// Restores a session from <paramref name="snapshot"/> on <paramref name="scheduler"/>: it continues where the original
    /// would be now on that scheduler's clock (measured from <see cref="BreathSessionSnapshot.StartedAt"/>), with the same
    /// sequence numbers and ideal offsets. Its <see cref="BreathSession.Events"/> start after the events the snapshot had
    /// reached, so nothing is delivered twice; what fell due meanwhile follows <see cref="LateWakePolicy"/> (by default
    /// one <see cref="SessionSkippedAhead"/>). A paused session is restored paused, a completed one completes.
    /// </summary>
    /// <param name="snapshot">The snapshot, e.g. from <see cref="BreathSession.Snapshot"/>.</param>
    /// <param name="scheduler">The scheduler that supplies time.</param>
    /// <returns>The restored session; dispose it when done.</returns>
    BreathSession Restore(BreathSessionSnapshot snapshot, IScheduler scheduler);

    /// <summary>Starts a controllable session on <paramref name="scheduler"/> at once.</summary>
    /// <param name="timeline">The pattern and length to pace.</param>
    /// <param name="scheduler">The scheduler that supplies time.</param>
    /// <returns>The running session; dispose it when done.</returns>
    BreathSession Start(BreathTimeline timeline, IScheduler scheduler);
}
