using System.Reactive.Concurrency;

namespace BreathPacing.Web.Sessions;

/// <summary>
/// One live session held by the <see cref="SessionRegistry"/>: the engine session plus what the host needs
/// to expire it (connected event-stream clients, last activity, completion time). Thread-safe.
/// </summary>
public sealed class WebSession : IDisposable
{
    private readonly object _gate = new();
    private readonly IScheduler _clock;
    private readonly IDisposable _completionWatch;
    private int _clients;
    private DateTimeOffset _lastActivity;
    private DateTimeOffset? _completedAt;
    private volatile bool _disposed;

    internal WebSession(string id, BreathSession session, DateTimeOffset startedAt, string? techniqueId, IScheduler clock)
    {
        Id = id;
        Session = session;
        StartedAt = startedAt;
        TechniqueId = techniqueId;
        _clock = clock;
        _lastActivity = clock.Now;
        _completionWatch = session.Events.Subscribe(static _ => { }, static _ => { }, MarkCompleted);
    }

    /// <summary>The session's id, as used in URLs.</summary>
    public string Id { get; }

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
                return _clients;
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

    /// <summary>Records an event-stream client; dispose the result when it disconnects.</summary>
    /// <returns>A handle that detaches the client once.</returns>
    public IDisposable AttachClient()
    {
        lock (_gate)
        {
            _clients++;
            _lastActivity = _clock.Now;
        }

        return new ClientHandle(this);
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

            return _clients == 0 && now - _lastActivity >= options.IdleTimeout;
        }
    }

    /// <summary>Stops the engine session if it still runs and frees its timer.</summary>
    public void Dispose()
    {
        _disposed = true;
        _completionWatch.Dispose();
        Session.Dispose();
    }

    private void MarkCompleted()
    {
        lock (_gate)
        {
            _completedAt ??= _clock.Now;
        }
    }

    private void Detach()
    {
        lock (_gate)
        {
            _clients--;
            _lastActivity = _clock.Now;
        }
    }

    private sealed class ClientHandle(WebSession owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Detach();
            }
        }
    }
}
