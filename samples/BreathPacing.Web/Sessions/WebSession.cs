using System.Reactive.Concurrency;

namespace BreathPacing.Web.Sessions;

/// <summary>
/// One live session held by the <see cref="SessionRegistry"/>: the engine session, a log of its events (references
/// to the events the engine already holds, so a reconnecting client resumes from its <c>Last-Event-ID</c> by index),
/// its connected event streams, and what the host needs to expire it (last activity, completion time). Thread-safe.
/// </summary>
public sealed class WebSession : IDisposable
{
    private readonly object _gate = new();
    private readonly IScheduler _clock;
    private readonly TimeProvider _time;
    private readonly List<BreathEvent> _log = [];
    private readonly List<EventStream> _streams = [];
    private readonly IDisposable _subscription;
    private DateTimeOffset _lastActivity;
    private DateTimeOffset? _completedAt;
    private volatile bool _disposed;

    internal WebSession(string id, string client, BreathSession session, DateTimeOffset startedAt, string? techniqueId, IScheduler clock, TimeProvider time)
    {
        Id = id;
        Client = client;
        Session = session;
        StartedAt = startedAt;
        TechniqueId = techniqueId;
        _clock = clock;
        _time = time;
        _lastActivity = clock.Now;
        _subscription = session.Events.Subscribe(OnEvent, static _ => { }, OnEnded);
    }

    /// <summary>The session's id, as used in URLs.</summary>
    public string Id { get; }

    /// <summary>The client (address partition) that started it.</summary>
    public string Client { get; }

    /// <summary>The engine session.</summary>
    public BreathSession Session { get; }

    /// <summary>The server's time (from its <see cref="TimeProvider"/>) when the session started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The technique the session paces, if it came from one.</summary>
    public string? TechniqueId { get; }

    /// <summary>How many event-stream clients are connected now.</summary>
    public int ConnectedClients
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    /// <summary>How many live events the connected streams hold that their clients have not yet taken.</summary>
    public int BufferedEvents
    {
        get
        {
            lock (_gate)
            {
                return _streams.Sum(static s => s.Buffered);
            }
        }
    }

    /// <summary>How many events the session has emitted so far.</summary>
    public int EventCount
    {
        get
        {
            lock (_gate)
            {
                return _log.Count;
            }
        }
    }

    /// <summary>On the scheduler's clock: when the last client left (or the session was created, if none came yet).</summary>
    public DateTimeOffset LastActivity
    {
        get
        {
            lock (_gate)
            {
                return _lastActivity;
            }
        }
    }

    /// <summary>On the scheduler's clock: when the session completed, or <see langword="null"/> while it runs.</summary>
    public DateTimeOffset? CompletedAt
    {
        get
        {
            lock (_gate)
            {
                return _completedAt;
            }
        }
    }

    /// <summary>Whether the session has been disposed (expired or deleted).</summary>
    public bool IsDisposed => _disposed;

    /// <summary>
    /// Opens an event stream for a client that has received every event up to <paramref name="after"/> (−1 for none):
    /// it replays the later events from the log, then continues live.
    /// </summary>
    /// <param name="after">The sequence number of the last event the client has.</param>
    /// <param name="limits">The stream caps and buffer size.</param>
    /// <param name="slots">The server-wide stream slots; one is taken on success.</param>
    /// <param name="stream">The stream, on success.</param>
    /// <returns>Whether the stream was opened, or which limit refused it.</returns>
    public StreamAttachResult TryAttach(long after, WebSessionOptions limits, StreamSlots slots, out EventStream? stream)
    {
        stream = null;
        while (true)
        {
            // Stamp outside the lock (reading the engine's position takes the engine's lock, and events arrive
            // under it), then attach only if no event arrived in between, so every replayed event precedes the stamp.
            int seen;
            lock (_gate)
            {
                seen = _log.Count;
            }

            var stamp = Stamp();
            lock (_gate)
            {
                if (_log.Count != seen)
                {
                    continue;
                }

                var last = _log.Count == 0 ? -1 : _log[^1].Sequence;
                if (after > last)
                {
                    return StreamAttachResult.BeyondSession;
                }

                if (_streams.Count >= limits.MaxStreamsPerSession)
                {
                    return StreamAttachResult.SessionFull;
                }

                if (!slots.TryTake())
                {
                    return StreamAttachResult.ServerFull;
                }

                stream = new EventStream(this, FirstAfter(after), _log.Count, stamp, limits.StreamBufferEvents, _completedAt is not null, slots.Release);
                _streams.Add(stream);
                _lastActivity = _clock.Now;
                return StreamAttachResult.Attached;
            }
        }
    }

    /// <summary>Copies logged events from <paramref name="index"/> into <paramref name="into"/>.</summary>
    /// <param name="index">The first log index.</param>
    /// <param name="end">The index after the last one wanted.</param>
    /// <param name="into">Where to copy.</param>
    /// <returns>How many were copied.</returns>
    public int CopyLog(int index, int end, Span<BreathEvent> into)
    {
        lock (_gate)
        {
            var count = Math.Max(0, Math.Min(Math.Min(end, _log.Count) - index, into.Length));
            for (var i = 0; i < count; i++)
            {
                into[i] = _log[index + i];
            }

            return count;
        }
    }

    /// <summary>Whether the session should be disposed at <paramref name="now"/> under <paramref name="options"/>.</summary>
    /// <param name="now">The scheduler's current time.</param>
    /// <param name="options">The host's limits.</param>
    /// <returns><see langword="true"/> when it completed more than the grace period ago, or has had no client for the idle timeout.</returns>
    public bool IsExpired(DateTimeOffset now, WebSessionOptions options)
    {
        lock (_gate)
        {
            if (_completedAt is { } completed)
            {
                return now - completed >= options.CompletedGracePeriod;
            }

            return _streams.Count == 0 && now - _lastActivity >= options.IdleTimeout;
        }
    }

    /// <summary>Stops the engine session if it still runs (its streams receive the final event) and frees its timer.</summary>
    public void Dispose()
    {
        _disposed = true;
        Session.Dispose();
        _subscription.Dispose();
        OnEnded();
    }

    internal void Detach(EventStream stream)
    {
        lock (_gate)
        {
            if (_streams.Remove(stream))
            {
                _lastActivity = _clock.Now;
            }
        }
    }

    // On the engine's thread, in order, under the engine's lock.
    private void OnEvent(BreathEvent e)
    {
        lock (_gate)
        {
            _log.Add(e);
            if (_streams.Count == 0)
            {
                return;
            }

            var stamped = new StampedEvent(e, Stamp());
            foreach (var stream in _streams)
            {
                stream.Offer(stamped);
            }
        }
    }

    private void OnEnded()
    {
        lock (_gate)
        {
            _completedAt ??= _clock.Now;
            foreach (var stream in _streams)
            {
                stream.Complete();
            }
        }
    }

    private EventStamp Stamp() => new(_time.GetUtcNow(), Session.Position.Elapsed.TotalMilliseconds, Session.State);

    private int FirstAfter(long sequence)
    {
        int lo = 0, hi = _log.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_log[mid].Sequence <= sequence)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

/// <summary>The outcome of <see cref="WebSession.TryAttach"/>.</summary>
public enum StreamAttachResult
{
    /// <summary>The stream is open.</summary>
    Attached,

    /// <summary>The Last-Event-ID names an event the session has not sent.</summary>
    BeyondSession,

    /// <summary>The session already has its maximum of streams.</summary>
    SessionFull,

    /// <summary>The server already has its maximum of streams.</summary>
    ServerFull,
}
