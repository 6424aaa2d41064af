using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace BreathPacing;

/// <summary>
/// A running, controllable session: its events, its current position, animation frames, and pause,
/// resume and stop. Create one with <see cref="IBreathPacer.Start"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <see cref="Events"/> replays the session from its start to each new subscriber, then continues live,
/// so subscribing just after <see cref="IBreathPacer.Start"/> misses nothing. Disposing stops the session
/// (with a <see cref="SessionCompleted"/> whose summary says it ended early) and frees its timer.
/// </remarks>
public sealed class BreathSession : IDisposable
{
    private readonly PacingSession _core;
    private readonly EventHub _hub;
    private readonly BreathPacingOptions _options;

    internal BreathSession(BreathTimeline timeline, IScheduler scheduler, BreathPacingOptions options)
    {
        _options = options;
        _hub = new EventHub(options);
        _core = new PacingSession(timeline, scheduler, options, _hub, _hub.Gate); // one lock: no ordering between two
        _core.Start();
    }

    /// <summary>The session's timeline: its pattern, length and arithmetic.</summary>
    public BreathTimeline Timeline => _core.Timeline;

    /// <summary>The scheduler the session runs on.</summary>
    public IScheduler Scheduler => _core.Scheduler;

    /// <summary>
    /// The session's events from its start: a late subscriber first receives what already happened, then
    /// live events. Completes after <see cref="SessionCompleted"/>.
    /// </summary>
    public IObservable<BreathEvent> Events => _hub;

    /// <summary>Whether the session is running, paused or completed.</summary>
    public BreathSessionState State => _core.State;

    /// <summary>Where the session stands now (active time; frozen while paused, final once completed).</summary>
    public BreathPosition Position => _core.Position;

    /// <summary>Pauses: active time stops counting. Does nothing unless the session is running.</summary>
    public void Pause() => _core.Pause();

    /// <summary>Resumes after <see cref="Pause"/>. Does nothing unless the session is paused.</summary>
    public void Resume() => _core.Resume();

    /// <summary>
    /// Ends the session now with a <see cref="SessionCompleted"/> whose summary says it ended early. Does
    /// nothing if it has already ended.
    /// </summary>
    public void Stop() => _core.Stop();

    /// <summary>
    /// Animation frames at a steady <paramref name="interval"/> on the session's scheduler, each the
    /// position sampled from the timeline. Frame <c>k</c> is due at exactly <c>k × interval</c> after
    /// subscription, so frames do not drift. Completes after the frame that shows the session complete.
    /// </summary>
    /// <param name="interval">The frame interval, e.g. 1/30 s; from 1 ms to 10 s.</param>
    /// <returns>A cold stream of frames; each subscription has its own ticker.</returns>
    public IObservable<BreathFrame> Frames(TimeSpan interval) => Frames(interval, _core.Scheduler);

    /// <summary>As <see cref="Frames(TimeSpan)"/>, ticking on <paramref name="scheduler"/> (e.g. a UI scheduler).</summary>
    /// <param name="interval">The frame interval; from 1 ms to 10 s.</param>
    /// <param name="scheduler">The scheduler the frame ticks run on.</param>
    /// <returns>A cold stream of frames.</returns>
    public IObservable<BreathFrame> Frames(TimeSpan interval, IScheduler scheduler)
    {
        if (interval < TimeSpan.FromMilliseconds(1) || interval > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"The frame interval must be from 1 ms to 10 s; was {interval}.");
        }

        ArgumentNullException.ThrowIfNull(scheduler);
        return Observable.Create<BreathFrame>(observer => new FrameTicker(this, interval, scheduler, observer, _options).Start());
    }

    /// <summary>Stops the session if it is still going (see <see cref="Stop"/>) and frees its timer.</summary>
    public void Dispose()
    {
        _core.Stop();
        _core.Dispose();
    }
}
