namespace BreathPacing.Web.Sessions;

/// <summary>
/// This instance's live copy of a session: the engine session that paces it here, the store version it follows, and
/// the event streams connected to it here. With the in-memory store it is the session itself, held from start until it
/// is forgotten; with a shared store an instance restores a copy from the stored snapshot when a client streams the
/// session here, follows the store's changes (<see cref="BreathSession.TryApply"/>, or a fresh copy when that cannot be),
/// and lets the copy go once no client has streamed it here for a sweep round. Thread-safe.
/// </summary>
public sealed class WebSession : IDisposable
{
    private readonly object _gate = new();
    private readonly SessionRegistry _registry;
    private readonly List<EventStream> _streams = [];
    private BreathSession _session;
    private long _version;
    private DateTimeOffset _lastActivity;
    private DateTimeOffset _lastTouch;
    private volatile bool _disposed;

    internal WebSession(SessionRegistry registry, string id, string client, BreathSession session, DateTimeOffset startedAt, string? techniqueId, long version)
    {
        _registry = registry;
        Id = id;
        Client = client;
        _session = session;
        StartedAt = startedAt;
        TechniqueId = techniqueId;
        _version = version;
        _lastActivity = _lastTouch = registry.Now;
    }

    /// <summary>The session's id, as used in URLs.</summary>
    public string Id { get; }

    /// <summary>The client (address partition) that started it.</summary>
    public string Client { get; }

    /// <summary>The engine session pacing it here (replaced by a fresh one when this copy could not follow a change).</summary>
    public BreathSession Session => Volatile.Read(ref _session);

    /// <summary>The server's time (from its <see cref="TimeProvider"/>) when the session started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The technique the session paces, if it came from one.</summary>
    public string? TechniqueId { get; }

    /// <summary>The store version this copy follows.</summary>
    public long Version
    {
        get => Interlocked.Read(ref _version);
        internal set => Interlocked.Exchange(ref _version, value);
    }

    /// <summary>How many event-stream clients are connected here now.</summary>
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

    /// <summary>How many events the connected streams hold that their clients have not yet taken.</summary>
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
    public int EventCount => (int)Session.Snapshot().Sequence;

    /// <summary>On the host's clock: when the last client here left (or attached, or the copy was made).</summary>
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

    /// <summary>Whether the copy has been let go (the session expired or was deleted, or no client streamed it here for a while).</summary>
    public bool IsDisposed => _disposed;

    /// <summary>Serialises this copy's changes: a control made here and a change arriving from the store.</summary>
    internal SemaphoreSlim Changes { get; } = new(1, 1);

    internal DateTimeOffset LastTouch
    {
        get
        {
            lock (_gate)
            {
                return _lastTouch;
            }
        }

        set
        {
            lock (_gate)
            {
                _lastTouch = value;
            }
        }
    }

    /// <summary>
    /// Opens an event stream for a client that has received every event up to <paramref name="after"/> (-1 for none): it
    /// catches up from there, then continues live.
    /// </summary>
    /// <param name="after">The sequence number of the last event the client has.</param>
    /// <param name="subscribe">Whether to start reading the session (not for a HEAD request).</param>
    /// <param name="stream">The stream, on success.</param>
    /// <param name="lastSent">The last sequence number the session has sent, for a refusal.</param>
    /// <returns>Whether the stream was opened, or which limit refused it.</returns>
    public StreamAttachResult TryAttach(long after, bool subscribe, out EventStream? stream, out long lastSent)
    {
        stream = null;
        var limits = _registry.Options;
        lock (_gate)
        {
            var session = Session;
            var due = DueCount(session);
            lastSent = due - 1;
            if (_disposed)
            {
                return StreamAttachResult.Unknown;
            }

            if (after > lastSent)
            {
                return StreamAttachResult.BeyondSession;
            }

            if (_streams.Count >= limits.MaxStreamsPerSession)
            {
                return StreamAttachResult.SessionFull;
            }

            if (!_registry.Streams.TryTake())
            {
                return StreamAttachResult.ServerFull;
            }

            stream = new EventStream(this, after, limits.StreamBufferEvents, _registry.Time, _registry.Streams.Release);
            if (subscribe)
            {
                stream.Start(session, due);
            }

            _streams.Add(stream);
            _lastActivity = _registry.Now;
            return StreamAttachResult.Attached;
        }
    }

    /// <summary>Stops the engine session if it still runs (its streams receive the final event) and frees its timer.</summary>
    public void Dispose()
    {
        _disposed = true;
        Session.Dispose();
    }

    /// <summary>How many events <paramref name="session"/> has due by now.</summary>
    internal long DueCount(BreathSession session) => SessionReplay.DueCount(_registry.Pacer, session);

    /// <summary>Ends every stream with <paramref name="ending"/>, then lets the copy go without its streams seeing it stop.</summary>
    internal void DisposeQuietly(Func<EventStream, StreamEnding> ending)
    {
        List<EventStream> streams;
        lock (_gate)
        {
            _disposed = true;
            streams = [.. _streams];
        }

        foreach (var stream in streams)
        {
            stream.End(ending(stream));
        }

        Session.Dispose();
    }

    /// <summary>Follows a fresher session that agrees with the old one up to <paramref name="lastAgreed"/>; returns (streams carried on, streams reset).</summary>
    internal (int Continued, int Reset) Replace(BreathSession fresh, long version, long lastAgreed)
    {
        BreathSession old;
        List<EventStream> streams;
        lock (_gate)
        {
            old = _session;
            Volatile.Write(ref _session, fresh);
            Version = version;
            streams = [.. _streams];
        }

        var due = DueCount(fresh);
        int continued = 0, reset = 0;
        foreach (var stream in streams)
        {
            if (stream.SwitchTo(fresh, lastAgreed, due))
            {
                continued++;
            }
            else
            {
                reset++;
            }
        }

        old.Dispose();
        return (continued, reset);
    }

    internal void Detach(EventStream stream)
    {
        bool removed;
        lock (_gate)
        {
            removed = _streams.Remove(stream);
            if (removed)
            {
                _lastActivity = _registry.Now;
            }
        }

        if (removed && !_disposed)
        {
            _registry.Detached(this);
        }
    }
}

/// <summary>The outcome of <see cref="WebSession.TryAttach"/>.</summary>
public enum StreamAttachResult
{
    /// <summary>The stream is open.</summary>
    Attached,

    /// <summary>The Last-Event-ID names an event the session has not sent.</summary>
    BeyondSession,

    /// <summary>The session already has its maximum of streams (on this instance).</summary>
    SessionFull,

    /// <summary>The server already has its maximum of streams.</summary>
    ServerFull,

    /// <summary>There is no such session (any more).</summary>
    Unknown,
}
