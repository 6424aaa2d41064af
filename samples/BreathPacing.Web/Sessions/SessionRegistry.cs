using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace BreathPacing.Web.Sessions;

/// <summary>
/// The live sessions of this server, with a cap on how many run at once and expiry of idle and completed
/// ones. Time for expiry comes from the pacer's scheduler, so tests drive it with virtual time. Thread-safe.
/// </summary>
public sealed class SessionRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, WebSession> _sessions = new(StringComparer.Ordinal);
    private readonly object _createGate = new();
    private readonly StreamSlots _streams;
    private readonly IBreathPacer _pacer;
    private readonly TimeProvider _time;
    private readonly WebSessionOptions _options;

    /// <summary>Creates the registry.</summary>
    /// <param name="pacer">The pacer sessions are started on (its default scheduler also clocks expiry).</param>
    /// <param name="time">The source of the server time reported to clients.</param>
    /// <param name="options">The host's limits.</param>
    public SessionRegistry(IBreathPacer pacer, TimeProvider time, IOptions<WebSessionOptions> options)
    {
        _pacer = pacer;
        _time = time;
        _options = options.Value;
        _streams = new StreamSlots(_options.MaxStreams);
    }

    /// <summary>The clock that paces sessions and expires them.</summary>
    public IScheduler Scheduler => _pacer.DefaultScheduler;

    /// <summary>The host's limits.</summary>
    public WebSessionOptions Options => _options;

    /// <summary>How many sessions are held (running, paused, or completed and within their grace period).</summary>
    public int Count => _sessions.Count;

    /// <summary>How many held sessions are running or paused: the number the cap applies to.</summary>
    public int ActiveCount => _sessions.Values.Count(static s => s.Session.State != BreathSessionState.Completed);

    /// <summary>The server-wide event-stream slots (<see cref="WebSessionOptions.MaxStreams"/>).</summary>
    public StreamSlots Streams => _streams;

    /// <summary>What the event streams are doing: waiting clients, drops.</summary>
    public StreamStatistics StreamStatistics { get; } = new();

    /// <summary>How many live events all open streams hold that their clients have not yet taken.</summary>
    public int BufferedEvents => _sessions.Values.Sum(static s => s.BufferedEvents);

    /// <summary>Starts a session of <paramref name="timeline"/> for <paramref name="client"/>, unless a cap is reached.</summary>
    /// <param name="timeline">The pattern and length.</param>
    /// <param name="techniqueId">The technique it came from, if any.</param>
    /// <param name="client">The client (address partition) asking.</param>
    /// <param name="session">The new session.</param>
    /// <returns>Whether it started, or which cap refused it.</returns>
    public SessionStartResult TryStart(BreathTimeline timeline, string? techniqueId, string client, out WebSession? session)
    {
        session = null;
        lock (_createGate)
        {
            var active = 0;
            var mine = 0;
            foreach (var held in _sessions.Values)
            {
                if (held.Session.State != BreathSessionState.Completed)
                {
                    active++;
                    if (string.Equals(held.Client, client, StringComparison.Ordinal))
                    {
                        mine++;
                    }
                }
            }

            if (active >= _options.MaxConcurrentSessions)
            {
                return SessionStartResult.ServerFull;
            }

            if (mine >= _options.MaxSessionsPerClient)
            {
                return SessionStartResult.ClientFull;
            }

            var id = NewId();
            var startedAt = _time.GetUtcNow();
            session = new WebSession(id, client, _pacer.Start(timeline), startedAt, techniqueId, Scheduler, _time);
            _sessions[id] = session;
            return SessionStartResult.Started;
        }
    }

    /// <summary>The ids of every held session.</summary>
    /// <returns>A snapshot of the ids.</returns>
    public IReadOnlyList<string> AllIds() => [.. _sessions.Keys];

    /// <summary>Finds a held session.</summary>
    /// <param name="id">The session id.</param>
    /// <returns>The session, or <see langword="null"/> when unknown or expired.</returns>
    public WebSession? Find(string id) => _sessions.TryGetValue(id, out var session) ? session : null;

    /// <summary>Stops a session (its clients receive the final event) and forgets it.</summary>
    /// <param name="id">The session id.</param>
    /// <returns>Whether it was held.</returns>
    public bool Remove(string id)
    {
        if (!_sessions.TryRemove(id, out var session))
        {
            return false;
        }

        session.Dispose();
        return true;
    }

    /// <summary>Disposes every session that has expired by the scheduler's clock.</summary>
    /// <returns>How many were disposed.</returns>
    public int Sweep()
    {
        var now = Scheduler.Now;
        var removed = 0;
        foreach (var (id, session) in _sessions)
        {
            if (session.IsExpired(now, _options) && Remove(id))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Stops and disposes every session.</summary>
    public void Dispose()
    {
        foreach (var id in _sessions.Keys)
        {
            Remove(id);
        }
    }

    // 128 random bits: a session id is also the capability to control the session.
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>The outcome of <see cref="SessionRegistry.TryStart"/>.</summary>
public enum SessionStartResult
{
    /// <summary>The session started.</summary>
    Started,

    /// <summary>The server already runs <see cref="WebSessionOptions.MaxConcurrentSessions"/> sessions.</summary>
    ServerFull,

    /// <summary>The client already holds <see cref="WebSessionOptions.MaxSessionsPerClient"/> sessions.</summary>
    ClientFull,
}
