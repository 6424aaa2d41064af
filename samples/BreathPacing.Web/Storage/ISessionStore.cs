namespace BreathPacing.Web.Storage;

/// <summary>
/// Where the host keeps its sessions' canonical state: each session's <see cref="BreathSessionSnapshot"/> with a version
/// that every change increments, and what the host needs beside it (technique, owner, start time, and the instants that
/// decide when it stops counting under the caps and when it is forgotten). Every change is a compare-and-set on the
/// version. A shared store (Redis) also tells every instance of the host what changed, so each instance streaming a
/// session can follow it; see docs/adr/0013.
/// </summary>
/// <remarks>
/// The caps and expiry rules hold in the store, not per process: a session counts under
/// <see cref="WebSessionOptions.MaxConcurrentSessions"/> and <see cref="WebSessionOptions.MaxSessionsPerClient"/> until it
/// completes (its planned end, or a stop) or goes idle (no event stream anywhere for <see cref="WebSessionOptions.IdleTimeout"/>);
/// an idle session is forgotten then, a completed one <see cref="WebSessionOptions.CompletedGracePeriod"/> after it ended.
/// Times are the host's clock (its <see cref="TimeProvider"/>), passed in, so every instance must keep the same time.
/// A store that cannot be reached throws <see cref="SessionStoreUnavailableException"/>.
/// </remarks>
public interface ISessionStore
{
    /// <summary>Whether other instances of the host share this store (and so may change its sessions).</summary>
    bool IsShared { get; }

    /// <summary>Stores a new session (version 1) unless a cap is reached; counting and storing are one atomic step.</summary>
    /// <param name="session">The session.</param>
    /// <param name="now">The host's time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it was stored, or which cap refused it.</returns>
    ValueTask<StoreCreateResult> CreateAsync(StoredSession session, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The stored session, or <see langword="null"/> when there is none (never was, forgotten, or past its expiry).</summary>
    /// <param name="id">The session id.</param>
    /// <param name="now">The host's time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session.</returns>
    ValueTask<StoredSession?> GetAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the session's snapshot if its version is still <paramref name="expectedVersion"/> (compare-and-set), and
    /// tells every instance. On a conflict nothing is written and the current session is returned.
    /// </summary>
    /// <param name="id">The session id.</param>
    /// <param name="expectedVersion">The version the change was made from.</param>
    /// <param name="snapshot">The new snapshot.</param>
    /// <param name="now">The host's time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome.</returns>
    ValueTask<StoreWriteResult> WriteAsync(string id, long expectedVersion, BreathSessionSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records activity (an event stream is open, or has just closed): the idle timeout counts from <paramref name="now"/>.</summary>
    /// <param name="id">The session id.</param>
    /// <param name="now">The host's time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored version, or <see langword="null"/> when the session is gone.</returns>
    ValueTask<long?> TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Forgets a session at once and tells every instance.</summary>
    /// <param name="id">The session id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it was stored.</returns>
    ValueTask<bool> ForgetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Forgets every session whose time has come (idle, or completed longer than the grace period) and tells every instance.</summary>
    /// <param name="now">The host's time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ids forgotten.</returns>
    ValueTask<IReadOnlyList<string>> ForgetExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>How many sessions count under the session cap at <paramref name="now"/>.</summary>
    /// <param name="now">The host's time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The count.</returns>
    ValueTask<int> CountActiveAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The ids of every stored session (running, paused, or completed within its grace period).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ids.</returns>
    ValueTask<IReadOnlyList<string>> IdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the store answers now.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    ValueTask<bool> IsHealthyAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends what other instances change, and the store's availability, to <paramref name="listener"/> (one listener).</summary>
    /// <param name="listener">The listener.</param>
    void Listen(ISessionStoreListener listener);
}

/// <summary>Receives what a shared store reports. Called on the store's threads; must not block.</summary>
public interface ISessionStoreListener
{
    /// <summary>A session's snapshot changed to <paramref name="version"/> (on any instance, this one included).</summary>
    /// <param name="id">The session id.</param>
    /// <param name="version">The new version.</param>
    /// <param name="snapshot">Reads the new snapshot (parsed only when asked for).</param>
    void OnChanged(string id, long version, Func<BreathSessionSnapshot> snapshot);

    /// <summary>A session was forgotten (stopped and deleted, or expired).</summary>
    /// <param name="id">The session id.</param>
    void OnGone(string id);

    /// <summary>The store cannot be reached: changes may be missed from now on.</summary>
    /// <param name="reason">Why, for the log.</param>
    void OnUnavailable(string reason);

    /// <summary>The store can be reached again.</summary>
    void OnAvailable();
}

/// <summary>A session as stored.</summary>
/// <param name="Id">The session id (128 random bits, hex).</param>
/// <param name="Version">The version; 1 when created, one more with each change.</param>
/// <param name="Snapshot">The session's canonical state.</param>
/// <param name="TechniqueId">The technique it paces, if it came from one.</param>
/// <param name="Client">The client (address partition) that started it; the per-client cap counts by it.</param>
/// <param name="StartedAt">The host's time when it was started, as told to the client.</param>
public sealed record StoredSession(string Id, long Version, BreathSessionSnapshot Snapshot, string? TechniqueId, string Client, DateTimeOffset StartedAt);

/// <summary>The outcome of <see cref="ISessionStore.CreateAsync"/>.</summary>
public enum StoreCreateResult
{
    /// <summary>The session is stored.</summary>
    Created,

    /// <summary>The store already holds <see cref="WebSessionOptions.MaxConcurrentSessions"/> sessions that count.</summary>
    ServerFull,

    /// <summary>The client already holds <see cref="WebSessionOptions.MaxSessionsPerClient"/> sessions that count.</summary>
    ClientFull,
}

/// <summary>What <see cref="ISessionStore.WriteAsync"/> did.</summary>
public enum StoreWriteStatus
{
    /// <summary>The snapshot was written as <see cref="StoreWriteResult.Version"/>.</summary>
    Written,

    /// <summary>The stored version was no longer the one expected; <see cref="StoreWriteResult.Current"/> is what is stored.</summary>
    Conflict,

    /// <summary>The session is gone.</summary>
    Gone,
}

/// <summary>The outcome of <see cref="ISessionStore.WriteAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Version">The version written, or the one found on a conflict.</param>
/// <param name="Current">On a conflict, the stored snapshot.</param>
public readonly record struct StoreWriteResult(StoreWriteStatus Status, long Version, BreathSessionSnapshot? Current);

/// <summary>The session store cannot be reached; the request answers 503 and may be retried.</summary>
public sealed class SessionStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="inner">The store client's error.</param>
    public SessionStoreUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
