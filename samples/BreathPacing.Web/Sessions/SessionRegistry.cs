using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using System.Security.Cryptography;
using BreathPacing.Web.Storage;
using Microsoft.Extensions.Options;

namespace BreathPacing.Web.Sessions;

/// <summary>
/// This instance's sessions: the copies it runs (<see cref="WebSession"/>), kept in line with the
/// <see cref="ISessionStore"/>, which holds each session's canonical snapshot, enforces the caps and decides expiry.
/// Starting a session stores it; a control (pause, resume, stop) is applied here, at this instance's now, and written to
/// the store with a compare-and-set; a change written by another instance reaches the copy here through the store and is
/// applied with <see cref="BreathSession.TryApply"/>, or, when this copy already ran past it, by a fresh copy restored
/// from the stored snapshot. Time comes from the pacer's scheduler and the host's <see cref="TimeProvider"/>, so tests
/// drive everything with virtual time. Thread-safe.
/// </summary>
public sealed class SessionRegistry : ISessionStoreListener, IDisposable
{
    /// <summary>How many times a control is retried when another instance changed the session meanwhile.</summary>
    private const int ControlAttempts = 8;

    private readonly ConcurrentDictionary<string, WebSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RestoreSlot> _restoring = new(StringComparer.Ordinal);
    private readonly StreamSlots _streams;
    private readonly IBreathPacer _pacer;
    private readonly TimeProvider _time;
    private readonly WebSessionOptions _options;
    private readonly ISessionStore _store;
    private readonly ILogger<SessionRegistry> _log;
    private readonly object _holdGate = new();
    private List<(string Id, long Version, Func<BreathSessionSnapshot> Snapshot)>? _held;
    private volatile bool _disposed;
    private int _pending;

    /// <summary>Creates the registry.</summary>
    /// <param name="pacer">The pacer sessions are started and restored on (its default scheduler also clocks expiry).</param>
    /// <param name="time">The source of the server time reported to clients and used for expiry.</param>
    /// <param name="options">The host's limits.</param>
    /// <param name="store">Where sessions are kept.</param>
    /// <param name="log">The log.</param>
    public SessionRegistry(IBreathPacer pacer, TimeProvider time, IOptions<WebSessionOptions> options, ISessionStore store, ILogger<SessionRegistry> log)
    {
        _pacer = pacer;
        _time = time;
        _options = options.Value;
        _store = store;
        _log = log;
        _streams = new StreamSlots(_options.MaxStreams);
        store.Listen(this);
    }

    /// <summary>The clock that paces sessions and expires them.</summary>
    public IScheduler Scheduler => _pacer.DefaultScheduler;

    /// <summary>The host's limits.</summary>
    public WebSessionOptions Options => _options;

    /// <summary>Where sessions are kept.</summary>
    public ISessionStore Store => _store;

    /// <summary>How many sessions are stored (running, paused, or completed and within their grace period).</summary>
    public int Count => Wait(_store.IdsAsync()).Count;

    /// <summary>How many stored sessions count under the session cap now.</summary>
    public int ActiveCount => Wait(_store.CountActiveAsync(Now));

    /// <summary>How many sessions this instance runs a copy of.</summary>
    public int LocalCount => _sessions.Count;

    /// <summary>The server-wide event-stream slots (<see cref="WebSessionOptions.MaxStreams"/>).</summary>
    public StreamSlots Streams => _streams;

    /// <summary>What the event streams are doing: waiting clients, drops, resets.</summary>
    public StreamStatistics StreamStatistics { get; } = new();

    /// <summary>How many live events all open streams hold that their clients have not yet taken.</summary>
    public int BufferedEvents => _sessions.Values.Sum(static s => s.BufferedEvents);

    /// <summary>
    /// How many store calls this instance has started on its own (activity, sweeps, following changes) that have not
    /// finished: tests on virtual time wait for none before moving the clock on, as real time would.
    /// </summary>
    public int PendingWork => Volatile.Read(ref _pending);

    /// <summary>How often <see cref="Tick"/> runs: <see cref="WebSessionOptions.SweepInterval"/>, or a quarter of the idle timeout if sooner.</summary>
    public TimeSpan TickInterval => _options.SweepInterval < _options.IdleTimeout / 4 ? _options.SweepInterval : _options.IdleTimeout / 4;

    internal IBreathPacer Pacer => _pacer;

    internal TimeProvider Time => _time;

    internal DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The ids of every stored session.</summary>
    /// <returns>A snapshot of the ids.</returns>
    public IReadOnlyList<string> AllIds() => Wait(_store.IdsAsync());

    /// <summary>This instance's copy of a session, if it runs one.</summary>
    /// <param name="id">The session id.</param>
    /// <returns>The copy, or <see langword="null"/>.</returns>
    public WebSession? Find(string id) => _sessions.TryGetValue(id, out var session) && !session.IsDisposed ? session : null;

    /// <summary>
    /// For tests: holds the changes other instances make (as a slow publish would) until the returned handle is disposed,
    /// then applies them in order. Lets a test make this instance run past a change before it learns of it.
    /// </summary>
    /// <returns>Disposing it delivers what was held.</returns>
    public IDisposable HoldChanges()
    {
        lock (_holdGate)
        {
            _held ??= [];
        }

        return new Release(this);
    }

    /// <summary>Starts a session of <paramref name="timeline"/> for <paramref name="client"/>, unless a cap is reached.</summary>
    /// <param name="timeline">The pattern and length.</param>
    /// <param name="techniqueId">The technique it came from, if any.</param>
    /// <param name="client">The client (address partition) asking.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it started (and the session), or which cap refused it.</returns>
    /// <exception cref="SessionStoreUnavailableException">The store cannot be reached.</exception>
    public async Task<(SessionStartResult Result, WebSession? Session)> StartAsync(BreathTimeline timeline, string? techniqueId, string client, CancellationToken cancellationToken = default)
    {
        var startedAt = _time.GetUtcNow();
        var session = _pacer.Start(timeline);
        var id = NewId();
        StoreCreateResult created;
        try
        {
            created = await _store.CreateAsync(new StoredSession(id, 1, session.Snapshot(), techniqueId, client, startedAt), startedAt, cancellationToken);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        if (created != StoreCreateResult.Created)
        {
            session.Dispose();
            return (created == StoreCreateResult.ServerFull ? SessionStartResult.ServerFull : SessionStartResult.ClientFull, null);
        }

        var copy = new WebSession(this, id, client, session, startedAt, techniqueId, 1);
        _sessions[id] = copy;
        return (SessionStartResult.Started, copy);
    }

    /// <summary>This instance's copy of a session, restored from the store when it has none.</summary>
    /// <param name="id">The session id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The copy, or <see langword="null"/> when there is no such session.</returns>
    /// <exception cref="SessionStoreUnavailableException">The store cannot be reached.</exception>
    public async Task<WebSession?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (Find(id) is { } held)
        {
            return held;
        }

        if (!_store.IsShared)
        {
            return null;
        }

        var slot = _restoring.GetOrAdd(id, static _ => new RestoreSlot());
        Task<WebSession?> restoring;
        lock (slot)
        {
            restoring = slot.Task ??= RestoreAsync(id, slot);
        }

        return await restoring.WaitAsync(cancellationToken);
    }

    /// <summary>Opens an event stream on a session for a client that has every event up to <paramref name="after"/>.</summary>
    /// <param name="id">The session id.</param>
    /// <param name="after">The client's last event id; -1 for none.</param>
    /// <param name="subscribe">Whether to read the session (not for HEAD).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome, the stream when attached, and the last event the session has sent.</returns>
    /// <exception cref="SessionStoreUnavailableException">The store cannot be reached.</exception>
    public async Task<(StreamAttachResult Result, EventStream? Stream, long LastSent)> AttachAsync(string id, long after, bool subscribe, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await GetAsync(id, cancellationToken) is not { } copy)
            {
                return (StreamAttachResult.Unknown, null, -1);
            }

            var result = copy.TryAttach(after, subscribe, out var stream, out var lastSent);
            if (result == StreamAttachResult.Unknown)
            {
                continue; // the copy was let go meanwhile: restore it again
            }

            if (result == StreamAttachResult.Attached)
            {
                try
                {
                    await TouchAsync(copy, cancellationToken);
                }
                catch
                {
                    stream!.Dispose();
                    throw;
                }
            }

            return (result, stream, lastSent);
        }

        return (StreamAttachResult.Unknown, null, -1);
    }

    /// <summary>Pauses, resumes or stops a session, wherever it runs.</summary>
    /// <param name="id">The session id.</param>
    /// <param name="control">What to do.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome and the session's state after it.</returns>
    /// <exception cref="SessionStoreUnavailableException">The store cannot be reached.</exception>
    public async Task<(ControlResult Result, BreathSessionSnapshot? State)> ControlAsync(string id, SessionControl control, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < ControlAttempts; attempt++)
        {
            var outcome = Find(id) is { } copy
                ? await ControlCopyAsync(copy, control, cancellationToken)
                : await ControlStoredAsync(id, control, cancellationToken);
            if (outcome is { } done)
            {
                return done;
            }
        }

        throw new SessionStoreUnavailableException($"Session '{id}' kept changing while a {control.ToString().ToLowerInvariant()} was being written; try again.");
    }

    /// <summary>Stops a session (its clients receive the final event) and forgets it, on every instance.</summary>
    /// <param name="id">The session id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether there was such a session.</returns>
    /// <exception cref="SessionStoreUnavailableException">The store cannot be reached.</exception>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var (result, _) = await ControlAsync(id, SessionControl.Stop, cancellationToken);
        if (result == ControlResult.Unknown)
        {
            return false;
        }

        await _store.ForgetAsync(id, cancellationToken);
        Gone(id);
        return true;
    }

    /// <summary>
    /// One round of housekeeping, on the scheduler: records activity on the sessions streamed here (so they do not go
    /// idle anywhere), lets go of copies no client has streamed here for a round (shared store: the session goes on in
    /// the store, and a copy is restored again if a client comes), and forgets the sessions whose time has come.
    /// </summary>
    public void Tick()
    {
        if (_disposed)
        {
            return;
        }

        var now = Now;
        var touchEvery = _options.IdleTimeout / 4;
        foreach (var copy in _sessions.Values)
        {
            if (copy.ConnectedClients > 0)
            {
                if (now - copy.LastTouch >= touchEvery)
                {
                    Background(TouchAsync(copy, CancellationToken.None), "record activity");
                }
            }
            else if (_store.IsShared && now - copy.LastActivity >= TickInterval && _sessions.TryRemove(new(copy.Id, copy)))
            {
                copy.DisposeQuietly(static _ => StreamEnding.Closed);
            }
        }

        Background(SweepAsync(now), "forget expired sessions");
    }

    /// <summary>Lets every copy go: with the in-memory store the sessions stop; with a shared store they go on elsewhere.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var id in _sessions.Keys)
        {
            if (_sessions.TryRemove(id, out var copy))
            {
                if (_store.IsShared)
                {
                    copy.DisposeQuietly(static _ => StreamEnding.Closed);
                }
                else
                {
                    copy.Dispose();
                }
            }
        }
    }

    /// <inheritdoc />
    void ISessionStoreListener.OnChanged(string id, long version, Func<BreathSessionSnapshot> snapshot)
    {
        lock (_holdGate)
        {
            if (_held is not null)
            {
                _held.Add((id, version, snapshot));
                return;
            }
        }

        Deliver(id, version, snapshot);
    }

    /// <inheritdoc />
    void ISessionStoreListener.OnGone(string id) => Gone(id);

    /// <inheritdoc />
    void ISessionStoreListener.OnUnavailable(string reason)
    {
        // Changes may be missed from now on: no copy can be trusted. Streams end with a clear event; clients reconnect
        // (with Last-Event-ID) once the store is back, and a copy is restored from it then.
        var ended = 0;
        foreach (var id in _sessions.Keys)
        {
            if (_sessions.TryRemove(id, out var copy))
            {
                ended += copy.ConnectedClients;
                copy.DisposeQuietly(static _ => StreamEnding.Unavailable);
            }
        }

        _log.LogWarning("The session store is unavailable ({Reason}); {Streams} event streams were ended.", reason, ended);
    }

    /// <inheritdoc />
    void ISessionStoreListener.OnAvailable()
    {
        _log.LogInformation("The session store is available again.");

        // A change published between the outage and the subscription's return would be missed: check every copy.
        foreach (var copy in _sessions.Values)
        {
            Background(ResyncAsync(copy, CancellationToken.None), "catch up after the store returned");
        }
    }

    internal void Detached(WebSession copy) => Background(TouchAsync(copy, CancellationToken.None), "record a client leaving");

    private static T Wait<T>(ValueTask<T> pending) => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    // 128 random bits: a session id is also the capability to control the session.
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static void Apply(BreathSession session, SessionControl control)
    {
        switch (control)
        {
            case SessionControl.Pause:
                session.Pause();
                break;
            case SessionControl.Resume:
                session.Resume();
                break;
            default:
                session.Stop();
                break;
        }
    }

    private static (ControlResult, BreathSessionSnapshot?)? Refusal(BreathSessionSnapshot state, SessionControl control) =>
        state.State == BreathSessionState.Completed
            ? (control == SessionControl.Stop ? ControlResult.Done : ControlResult.Completed, state)
            : null;

    // Apply here first (no race with this copy's own timer), then compare-and-set. A conflict means another instance
    // changed the session meanwhile: follow the store (this copy's change is undone) and try again.
    private async Task<(ControlResult, BreathSessionSnapshot?)?> ControlCopyAsync(WebSession copy, SessionControl control, CancellationToken cancellationToken)
    {
        await copy.Changes.WaitAsync(cancellationToken);
        try
        {
            if (copy.IsDisposed)
            {
                return null;
            }

            var session = copy.Session;
            var before = session.Snapshot();
            if (Refusal(before, control) is { } refused)
            {
                return refused;
            }

            var lastBefore = SessionReplay.DueCount(_pacer, session) - 1;
            Apply(session, control);
            var after = session.Snapshot();
            if (after.History.Length == before.History.Length)
            {
                return (ControlResult.Done, after);
            }

            StoreWriteResult written;
            try
            {
                // Not cancelled with the request: once applied here, the change is either stored or undone.
                written = await _store.WriteAsync(copy.Id, copy.Version, after, Now, CancellationToken.None);
            }
            catch (SessionStoreUnavailableException)
            {
                // The change may not be stored: let the copy go, telling clients sent its events to start again.
                if (_sessions.TryRemove(new(copy.Id, copy)))
                {
                    copy.DisposeQuietly(s => s.LastHanded > lastBefore ? StreamEnding.Reset(lastBefore) : StreamEnding.Unavailable);
                }

                throw;
            }

            switch (written.Status)
            {
                case StoreWriteStatus.Written:
                    copy.Version = written.Version;
                    return (ControlResult.Done, after);
                case StoreWriteStatus.Gone:
                    Gone(copy.Id);
                    return (ControlResult.Unknown, null);
                default:
                    Follow(copy, written.Version, written.Current!);
                    return null;
            }
        }
        finally
        {
            copy.Changes.Release();
        }
    }

    // No copy here: restore the stored snapshot on a private clock set to now, apply the change, compare-and-set.
    private async Task<(ControlResult, BreathSessionSnapshot?)?> ControlStoredAsync(string id, SessionControl control, CancellationToken cancellationToken)
    {
        if (!_store.IsShared || await _store.GetAsync(id, Now, cancellationToken) is not { } stored)
        {
            return (ControlResult.Unknown, null);
        }

        var now = Scheduler.Now;
        using var scratch = _pacer.Restore(stored.Snapshot, new HistoricalScheduler(now > stored.Snapshot.TakenAt ? now : stored.Snapshot.TakenAt));
        var before = scratch.Snapshot();
        if (Refusal(before, control) is { } refused)
        {
            return refused;
        }

        Apply(scratch, control);
        var after = scratch.Snapshot();
        if (after.History.Length == before.History.Length)
        {
            return (ControlResult.Done, after);
        }

        var written = await _store.WriteAsync(id, stored.Version, after, Now, cancellationToken);
        return written.Status switch
        {
            StoreWriteStatus.Written => (ControlResult.Done, after),
            StoreWriteStatus.Gone => (ControlResult.Unknown, null),
            _ => null,
        };
    }

    private async Task<WebSession?> RestoreAsync(string id, RestoreSlot slot)
    {
        await Task.Yield();
        try
        {
            if (await _store.GetAsync(id, Now) is not { } stored)
            {
                return null;
            }

            var copy = new WebSession(this, stored.Id, stored.Client, _pacer.Restore(stored.Snapshot, Scheduler), stored.StartedAt, stored.TechniqueId, stored.Version);
            (long Version, Func<BreathSessionSnapshot> Snapshot)? pending;
            lock (slot)
            {
                slot.Copy = copy;
                pending = slot.Pending;
            }

            var held = _sessions.GetOrAdd(id, copy);
            if (!ReferenceEquals(held, copy))
            {
                copy.DisposeQuietly(static _ => StreamEnding.Closed);
                return held;
            }

            if (pending is { } newer)
            {
                await FollowAsync(copy, newer.Version, newer.Snapshot);
            }

            return copy;
        }
        finally
        {
            _restoring.TryRemove(new(id, slot));
        }
    }

    private void Deliver(string id, long version, Func<BreathSessionSnapshot> snapshot)
    {
        if (Find(id) is { } copy)
        {
            Background(FollowAsync(copy, version, snapshot), "follow a change");
            return;
        }

        if (_restoring.TryGetValue(id, out var slot))
        {
            lock (slot)
            {
                if (slot.Copy is null)
                {
                    if (slot.Pending is not { } pending || pending.Version < version)
                    {
                        slot.Pending = (version, snapshot);
                    }

                    return;
                }

                copy = slot.Copy;
            }

            Background(FollowAsync(copy, version, snapshot), "follow a change");
        }
    }

    private async Task FollowAsync(WebSession copy, long version, Func<BreathSessionSnapshot> snapshot)
    {
        if (version <= copy.Version)
        {
            return;
        }

        await copy.Changes.WaitAsync();
        try
        {
            if (version > copy.Version && !copy.IsDisposed)
            {
                Follow(copy, version, snapshot());
            }
        }
        finally
        {
            copy.Changes.Release();
        }
    }

    // Under copy.Changes: bring the copy in line with the stored snapshot.
    private void Follow(WebSession copy, long version, BreathSessionSnapshot snapshot)
    {
        var session = copy.Session;
        if (session.TryApply(snapshot))
        {
            copy.Version = version;
            return;
        }

        // This copy already emitted past the change (or took one the store refused): a fresh copy from the snapshot;
        // each stream carries on where it agrees with it, or is told to start again.
        var lastAgreed = SessionReplay.LastAgreed(_pacer, session.Snapshot(), snapshot, Scheduler.Now);
        var (continued, reset) = copy.Replace(_pacer.Restore(snapshot, Scheduler), version, lastAgreed);
        StreamStatistics.Diverged(continued, reset);
        _log.LogInformation(
            "Session {Id} had run past version {Version} here; a fresh copy agrees up to event {LastAgreed}: {Continued} streams carry on, {Reset} were reset.",
            copy.Id, version, lastAgreed, continued, reset);
    }

    private async Task ResyncAsync(WebSession copy, CancellationToken cancellationToken)
    {
        if (await _store.GetAsync(copy.Id, Now, cancellationToken) is not { } stored)
        {
            Gone(copy.Id);
            return;
        }

        await FollowAsync(copy, stored.Version, () => stored.Snapshot);
    }

    private async Task TouchAsync(WebSession copy, CancellationToken cancellationToken)
    {
        var now = Now;
        copy.LastTouch = now;
        var version = await _store.TouchAsync(copy.Id, now, cancellationToken);
        if (version is null)
        {
            Gone(copy.Id);
        }
        else if (version > copy.Version)
        {
            // A change this instance did not hear of (a lost message): catch up now.
            await ResyncAsync(copy, cancellationToken);
        }
    }

    private async Task SweepAsync(DateTimeOffset now)
    {
        foreach (var id in await _store.ForgetExpiredAsync(now))
        {
            Gone(id);
        }
    }

    private void Gone(string id)
    {
        if (_sessions.TryRemove(id, out var copy))
        {
            copy.Dispose();
        }
    }

    private void Background(Task task, string what)
    {
        if (task.IsCompleted)
        {
            Observe(task, what);
            return;
        }

        Interlocked.Increment(ref _pending);
        task.ContinueWith(
            (t, state) =>
            {
                Observe(t, (string)state!);
                Interlocked.Decrement(ref _pending);
            },
            what,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Observe(Task task, string what)
    {
        if (task.Exception?.GetBaseException() is { } error)
        {
            if (error is SessionStoreUnavailableException)
            {
                _log.LogDebug("Could not {What}: the session store is unavailable.", what);
            }
            else
            {
                _log.LogError(error, "Could not {What}.", what);
            }
        }
    }

    private sealed class RestoreSlot
    {
        public Task<WebSession?>? Task { get; set; }

        public WebSession? Copy { get; set; }

        public (long Version, Func<BreathSessionSnapshot> Snapshot)? Pending { get; set; }
    }

    private sealed class Release(SessionRegistry registry) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0)
            {
                return;
            }

            List<(string Id, long Version, Func<BreathSessionSnapshot> Snapshot)>? held;
            lock (registry._holdGate)
            {
                held = registry._held;
                registry._held = null;
            }

            foreach (var (id, version, snapshot) in held ?? [])
            {
                registry.Deliver(id, version, snapshot);
            }
        }
    }
}

/// <summary>The outcome of <see cref="SessionRegistry.StartAsync"/>.</summary>
public enum SessionStartResult
{
    /// <summary>The session started.</summary>
    Started,

    /// <summary>The store already holds <see cref="WebSessionOptions.MaxConcurrentSessions"/> sessions that count.</summary>
    ServerFull,

    /// <summary>The client already holds <see cref="WebSessionOptions.MaxSessionsPerClient"/> sessions that count.</summary>
    ClientFull,
}

/// <summary>A control a client sends.</summary>
public enum SessionControl
{
    /// <summary>Pause.</summary>
    Pause,

    /// <summary>Resume.</summary>
    Resume,

    /// <summary>Stop (the session ends early and stays readable for the grace period).</summary>
    Stop,
}

/// <summary>The outcome of <see cref="SessionRegistry.ControlAsync"/>.</summary>
public enum ControlResult
{
    /// <summary>Done (or nothing to do: pausing a paused session).</summary>
    Done,

    /// <summary>The session has completed; it can no longer be paused or resumed.</summary>
    Completed,

    /// <summary>There is no such session.</summary>
    Unknown,
}
