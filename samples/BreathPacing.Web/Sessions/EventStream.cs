namespace BreathPacing.Web.Sessions;

/// <summary>
/// One client's event stream on a <see cref="WebSession"/>: its own subscription to the session's
/// <see cref="BreathSession.EventsAfter"/> from the client's last event id, and a small bounded buffer between the engine
/// and the connection. Catching up (events already due when the subscription started) never overflows the buffer: when
/// it is full the subscription is let go and taken up again from the last event buffered once the writer has emptied it,
/// so a long replay is read in buffer-sized pieces and nothing is copied whole. A live event that finds the buffer full
/// means the client fell behind: it is dropped (<see cref="Dropped"/> is cancelled) and can resume with
/// <c>Last-Event-ID</c>. When the session is replaced by a fresher one (a change from another instance this one had
/// already run past), the stream carries on seamlessly if its client has not been sent an event past the point where
/// the two differ, and otherwise ends with <see cref="StreamEnding.Reset"/>. Dispose when the request ends.
/// </summary>
public sealed class EventStream : IDisposable
{
    private readonly object _gate = new();
    private readonly WebSession _session;
    private readonly Queue<StampedEvent> _buffer;
    private readonly int _capacity;
    private readonly CancellationTokenSource _dropped = new();
    private readonly Action _release;
    private readonly TimeProvider _time;
    private TaskCompletionSource? _waiter;
    private bool _woken;
    private IDisposable? _subscription;
    private int _generation;
    private long _lastOffered;
    private long _lastHanded;
    private long _liveFrom;
    private long _completedSequence = long.MaxValue;
    private bool _paused;
    private StreamEnding? _ending;
    private volatile bool _fellBehind;
    private int _disposed;

    internal EventStream(WebSession session, long after, int capacity, TimeProvider time, Action release)
    {
        _session = session;
        _capacity = capacity;
        _buffer = new Queue<StampedEvent>(); // grows on demand: a live stream holds an event or two, not its capacity
        _time = time;
        _release = release;
        _lastOffered = after;
        _lastHanded = after;
    }

    /// <summary>The session the stream reads.</summary>
    public WebSession Session => _session;

    /// <summary>How many events wait in the buffer.</summary>
    public int Buffered
    {
        get
        {
            lock (_gate)
            {
                return _buffer.Count;
            }
        }
    }

    /// <summary>The sequence number of the last event handed to the connection (-1 for none).</summary>
    public long LastHanded
    {
        get
        {
            lock (_gate)
            {
                return _lastHanded;
            }
        }
    }

    /// <summary>Whether the client fell further behind than the buffer allows.</summary>
    public bool FellBehind => _fellBehind;

    /// <summary>Cancelled when the client falls behind; the writer then drops the connection.</summary>
    public CancellationToken Dropped => _dropped.Token;

    /// <summary>Whether the session has ended and its last event has been taken.</summary>
    public bool Completed
    {
        get
        {
            lock (_gate)
            {
                return _buffer.Count == 0 && _lastHanded >= _completedSequence;
            }
        }
    }

    /// <summary>How the stream ends other than with the session's last event (a reset, the store unavailable, shutdown), once the buffer is empty.</summary>
    public StreamEnding? Ending
    {
        get
        {
            lock (_gate)
            {
                return _buffer.Count == 0 ? _ending : null;
            }
        }
    }

    /// <summary>Takes the next buffered event, recording it as handed to the connection.</summary>
    /// <param name="e">The event.</param>
    /// <returns>Whether there was one.</returns>
    public bool TryTake(out StampedEvent e)
    {
        lock (_gate)
        {
            if (!_buffer.TryDequeue(out e))
            {
                return false;
            }

            _lastHanded = e.Event.Sequence;
            return true;
        }
    }

    /// <summary>
    /// Completes when there is something for the writer: an event, the end, a drop, a paused catch-up to take up, or a
    /// <see cref="Wake"/> (a heartbeat due, the response cancelled) since the last wait.
    /// </summary>
    /// <returns>The wait.</returns>
    public Task WaitAsync()
    {
        lock (_gate)
        {
            if (_woken || _buffer.Count > 0 || _paused || _ending is not null || _fellBehind || _completedSequence != long.MaxValue)
            {
                _woken = false;
                return Task.CompletedTask;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task;
        }
    }

    /// <summary>Ends the writer's current wait, or the next one if it is not waiting, so it looks again at what to do.</summary>
    public void Wake()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            waiter = TakeWaiter();
            _woken = waiter is null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>If catching up was paused on a full buffer and the buffer is empty now, takes it up again from the last event buffered.</summary>
    /// <returns>Whether it was taken up.</returns>
    public bool ResumeIfPaused()
    {
        int generation;
        long from;
        lock (_gate)
        {
            if (!_paused || _buffer.Count > 0 || _ending is not null || _disposed != 0)
            {
                return false;
            }

            _paused = false;
            generation = ++_generation;
            from = _lastOffered;
        }

        var session = _session.Session;
        Subscribe(session, from, generation, _session.DueCount(session));
        return true;
    }

    /// <summary>Detaches from the session and frees the stream's place under the caps. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        IDisposable? subscription;
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _generation++;
            subscription = _subscription;
            _subscription = null;
            _buffer.Clear();
            waiter = TakeWaiter();
        }

        subscription?.Dispose();
        waiter?.TrySetResult();
        _session.Detach(this);
        _release();
        _dropped.Dispose();
    }

    /// <summary>Subscribes to <paramref name="session"/> after the client's last event id. Events below <paramref name="dueCount"/> are catching up.</summary>
    internal void Start(BreathSession session, long dueCount)
    {
        int generation;
        long from;
        lock (_gate)
        {
            generation = ++_generation;
            from = _lastOffered;
        }

        Subscribe(session, from, generation, dueCount);
    }

    /// <summary>
    /// Moves the stream to <paramref name="fresh"/>, which agrees with the old session up to <paramref name="lastAgreed"/>:
    /// carries on seamlessly when the client has been handed nothing later (what is buffered past it is dropped), and
    /// otherwise ends the stream with a reset.
    /// </summary>
    /// <returns>Whether the stream carries on.</returns>
    internal bool SwitchTo(BreathSession fresh, long lastAgreed, long dueCount)
    {
        IDisposable? old;
        TaskCompletionSource? waiter;
        var resubscribe = false;
        int generation;
        long from;
        lock (_gate)
        {
            if (_ending is not null || _disposed != 0)
            {
                return false;
            }

            generation = ++_generation;
            old = _subscription;
            _subscription = null;
            from = _lastOffered;
            if (_lastHanded > lastAgreed)
            {
                _buffer.Clear();
                _ending = StreamEnding.Reset(lastAgreed);
            }
            else
            {
                var kept = _buffer.Where(e => e.Event.Sequence <= lastAgreed).ToList();
                _buffer.Clear();
                foreach (var e in kept)
                {
                    _buffer.Enqueue(e);
                }

                _lastOffered = from = Math.Max(_lastHanded, kept.Count > 0 ? kept[^1].Event.Sequence : _lastHanded);
                if (_completedSequence > lastAgreed)
                {
                    _completedSequence = long.MaxValue;
                }

                resubscribe = !_paused;
                _liveFrom = dueCount;
            }

            waiter = TakeWaiter();
        }

        old?.Dispose();
        waiter?.TrySetResult();
        if (resubscribe)
        {
            Subscribe(fresh, from, generation, dueCount);
        }

        return _ending is null;
    }

    /// <summary>Ends the stream (after what is buffered) with <paramref name="ending"/>; the session's events stop reaching it.</summary>
    internal void End(StreamEnding ending)
    {
        IDisposable? old;
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (_ending is not null)
            {
                return;
            }

            if (ending.Kind == StreamEndingKind.Reset)
            {
                _buffer.Clear();
            }

            _ending = ending;
            _generation++;
            old = _subscription;
            _subscription = null;
            waiter = TakeWaiter();
        }

        old?.Dispose();
        waiter?.TrySetResult();
    }

    private void Subscribe(BreathSession session, long from, int generation, long dueCount)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            _liveFrom = dueCount;
        }

        // The catch-up may be delivered here, synchronously, before Subscribe returns.
        var subscription = session.EventsAfter(from).Subscribe(new Observer(this, generation, session));
        lock (_gate)
        {
            if (generation == _generation && _disposed == 0)
            {
                _subscription = subscription;
                return;
            }
        }

        subscription.Dispose();
    }

    // On the engine's delivery thread (or the subscriber's, while catching up), in order.
    private void OnNext(int generation, BreathSession session, BreathEvent e)
    {
        TaskCompletionSource? waiter = null;
        var pause = false;
        var drop = false;
        lock (_gate)
        {
            if (generation != _generation || _ending is not null || _fellBehind || e.Sequence <= _lastOffered)
            {
                return;
            }

            if (_buffer.Count >= _capacity)
            {
                _generation++;
                _subscription = null;
                if (e.Sequence < _liveFrom)
                {
                    pause = _paused = true;
                }
                else
                {
                    drop = _fellBehind = true;
                }

                waiter = TakeWaiter();
            }
            else
            {
                _buffer.Enqueue(new StampedEvent(e, new EventStamp(_time.GetUtcNow(), session.Position.Elapsed.TotalMilliseconds, session.State)));
                _lastOffered = e.Sequence;
                if (e is SessionCompleted)
                {
                    _completedSequence = e.Sequence;
                }

                waiter = TakeWaiter();
            }
        }

        waiter?.TrySetResult();
        if (drop)
        {
            // Cancelling runs the writer's continuations; keep them off the engine's thread.
            ThreadPool.UnsafeQueueUserWorkItem(static s => ((EventStream)s!).CancelDropped(), this);
        }

        if (pause || drop)
        {
            // The engine detaches a subscriber that throws: the catch-up stops here and is taken up again later.
            throw new CatchUpPausedException();
        }
    }

    // The session has ended and every event up to the last one offered has reached this subscription (for a client
    // that already has the final event, that is at once).
    private void OnCompleted(int generation)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (generation != _generation || _completedSequence != long.MaxValue)
            {
                return;
            }

            _completedSequence = _lastOffered;
            waiter = TakeWaiter();
        }

        waiter?.TrySetResult();
    }

    private TaskCompletionSource? TakeWaiter()
    {
        var waiter = _waiter;
        _waiter = null;
        return waiter;
    }

    private void CancelDropped()
    {
        try
        {
            _dropped.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The request ended first.
        }
    }

    private sealed class Observer(EventStream stream, int generation, BreathSession session) : IObserver<BreathEvent>
    {
        public void OnNext(BreathEvent value) => stream.OnNext(generation, session, value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted() => stream.OnCompleted(generation);
    }
}

/// <summary>
/// Thrown by an <see cref="EventStream"/>'s subscriber to let go of its subscription (a full buffer): the engine detaches a
/// subscriber that throws. The host's <see cref="BreathPacingOptions.SubscriberExceptionHandler"/> ignores it.
/// </summary>
public sealed class CatchUpPausedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatchUpPausedException()
        : base("An event stream's buffer is full; its subscription is let go and taken up again later.")
    {
    }
}

/// <summary>How an event stream ends other than with the session's last event.</summary>
public enum StreamEndingKind
{
    /// <summary>The session was replaced by a fresher one that differs from what this client was sent: start again.</summary>
    Reset,

    /// <summary>The session store cannot be reached: reconnect later with <c>Last-Event-ID</c>.</summary>
    Unavailable,

    /// <summary>This instance is stopping (or let the session go): reconnect, to any instance, with <c>Last-Event-ID</c>.</summary>
    Closed,
}

/// <summary>How an event stream ends other than with the session's last event.</summary>
/// <param name="Kind">Why.</param>
/// <param name="LastGoodSequence">For a reset: the last event this client may keep; -1 for none.</param>
public sealed record StreamEnding(StreamEndingKind Kind, long LastGoodSequence)
{
    /// <summary>A reset: events after <paramref name="lastGoodSequence"/> are not the session's.</summary>
    /// <param name="lastGoodSequence">The last event the client may keep.</param>
    /// <returns>The ending.</returns>
    public static StreamEnding Reset(long lastGoodSequence) => new(StreamEndingKind.Reset, lastGoodSequence);

    /// <summary>The store cannot be reached.</summary>
    public static StreamEnding Unavailable { get; } = new(StreamEndingKind.Unavailable, -1);

    /// <summary>The instance let the stream go.</summary>
    public static StreamEnding Closed { get; } = new(StreamEndingKind.Closed, -1);
}
