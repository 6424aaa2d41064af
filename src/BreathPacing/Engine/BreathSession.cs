using System.Reactive.Concurrency;

namespace BreathPacing;

/// <summary>
/// A running, controllable session: its events, its current position, animation frames, and pause,
/// resume and stop. Create one with <see cref="IBreathPacer.Start"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Events"/> replays the session from its start to each new subscriber, then continues live,
/// so subscribing just after <see cref="IBreathPacer.Start"/> misses nothing; <see cref="EventsAfter"/> replays
/// from a sequence number (e.g. a reconnecting client's last one). Replay is generated again from the timeline
/// and the session's pauses, so a session's memory does not grow with its length.
/// </para>
/// <para>
/// Every subscriber sees the same sequence. A callback may call back into the session (<see cref="Pause"/>,
/// <see cref="Stop"/>, subscribing): the call takes effect at once (<see cref="State"/>, <see cref="Position"/>),
/// and its events follow the event being delivered once every subscriber has it. A subscriber that throws is
/// detached and reported to <see cref="BreathPacingOptions.SubscriberExceptionHandler"/>; the others carry on.
/// Callbacks run on the scheduler's thread (by default the shared timer wheel), so keep them short, or observe
/// on another scheduler. Disposing stops the session (with a <see cref="SessionCompleted"/> whose summary says it
/// ended early) and frees its timer.
/// </para>
/// </remarks>
public sealed class BreathSession : IDisposable
{
    private readonly PacingSession _core;
    private readonly BreathPacingOptions _options;

    internal BreathSession(BreathTimeline timeline, IScheduler scheduler, BreathPacingOptions options)
        : this(PacingSession.StartShared(timeline, scheduler, options), options)
    {
    }

    private BreathSession(PacingSession core, BreathPacingOptions options)
    {
        _options = options;
        _core = core;
        Events = new SessionEvents(_core, core.FirstSequence - 1);
    }

    /// <summary>The session's timeline: its pattern, length and arithmetic.</summary>
    public BreathTimeline Timeline => _core.Timeline;

    /// <summary>The scheduler the session runs on.</summary>
    public IScheduler Scheduler => _core.Scheduler;

    /// <summary>
    /// The session's events from its start (for a restored session, from where its snapshot left off): a late subscriber
    /// first receives what already happened, then live events. Completes after <see cref="SessionCompleted"/>.
    /// </summary>
    public IObservable<BreathEvent> Events { get; }

    /// <summary>Whether the session is running, paused or completed.</summary>
    public BreathSessionState State => _core.State;

    /// <summary>
    /// Where the session stands now (active time; frozen while paused, final once completed, and then
    /// <see cref="BreathPosition.IsComplete"/> even when it was stopped early).
    /// </summary>
    public BreathPosition Position => _core.Position;

    /// <summary>
    /// The session's events with a <see cref="BreathEvent.Sequence"/> greater than <paramref name="sequence"/>:
    /// what already happened is replayed first, then live events. Use it to resume a stream, e.g. from a client's
    /// last event id; a sequence beyond the last event only waits for live events.
    /// </summary>
    /// <param name="sequence">The last sequence number already seen; -1 for everything.</param>
    /// <returns>A stream that completes after <see cref="SessionCompleted"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is less than -1.</exception>
    public IObservable<BreathEvent> EventsAfter(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, -1);
        return new SessionEvents(_core, sequence);
    }

    /// <summary>
    /// The session's whole state now: save it (e.g. as JSON, see the snapshot's format in docs/) when the app goes to
    /// the background or the host stops, and <see cref="IBreathPacer.Restore"/> it later, anywhere.
    /// </summary>
    /// <returns>An immutable snapshot.</returns>
    public BreathSessionSnapshot Snapshot() => _core.Snapshot();

    /// <summary>
    /// Brings this session in line with a newer snapshot of the same session, e.g. a pause made on another instance
    /// of a scaled-out host: the snapshot's history must extend this session's, and each new change takes effect at
    /// its recorded offset, so every instance emits the same events with the same sequence numbers. Returns
    /// <see langword="false"/>, changing nothing, when that cannot be (the histories differ, or this session has
    /// already emitted an event past a new change); then restore a fresh session from the snapshot instead.
    /// </summary>
    /// <param name="snapshot">A newer snapshot of this session.</param>
    /// <returns>Whether the session now follows the snapshot's history.</returns>
    /// <exception cref="ArgumentException">The snapshot is of another pattern or length.</exception>
    public bool TryApply(BreathSessionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return _core.TryApply(snapshot);
    }

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
    /// subscription, so frames do not drift; frames already past (a slow subscriber, a late wake-up) are
    /// skipped, not bunched. Completes after the frame that shows the session complete. On the default timer
    /// wheel a frame allocates nothing.
    /// </summary>
    /// <param name="interval">The frame interval, e.g. 1/30 s; from 1 ms to 10 s.</param>
    /// <returns>A cold stream of frames; each subscription has its own ticker.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is out of range.</exception>
    public IObservable<BreathFrame> Frames(TimeSpan interval) => Frames(interval, _core.Scheduler);

    /// <summary>As <see cref="Frames(TimeSpan)"/>, ticking on <paramref name="scheduler"/> (e.g. a UI scheduler).</summary>
    /// <param name="interval">The frame interval; from 1 ms to 10 s.</param>
    /// <param name="scheduler">The scheduler the frame ticks run on.</param>
    /// <returns>A cold stream of frames.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is out of range.</exception>
    public IObservable<BreathFrame> Frames(TimeSpan interval, IScheduler scheduler)
    {
        if (interval < TimeSpan.FromMilliseconds(1) || interval > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"The frame interval must be from 1 ms to 10 s; was {interval}.");
        }

        ArgumentNullException.ThrowIfNull(scheduler);
        return new FrameStream(_core, interval, scheduler, _options);
    }

    internal static BreathSession Restore(BreathSessionSnapshot snapshot, IScheduler scheduler, BreathPacingOptions options) =>
        new(PacingSession.StartRestored(snapshot, scheduler, options), options);

    /// <summary>Stops the session if it is still going (see <see cref="Stop"/>) and frees its timer.</summary>
    public void Dispose() => _core.Stop();

    private sealed class SessionEvents(PacingSession core, long after) : IObservable<BreathEvent>
    {
        public IDisposable Subscribe(IObserver<BreathEvent> observer) => core.Subscribe(observer, after);
    }

    private sealed class FrameStream(PacingSession core, TimeSpan interval, IScheduler scheduler, BreathPacingOptions options) : IObservable<BreathFrame>
    {
        public IDisposable Subscribe(IObserver<BreathFrame> observer)
        {
            ArgumentNullException.ThrowIfNull(observer);
            return FrameTicker.Start(core, interval, scheduler, observer, options);
        }
    }
}
