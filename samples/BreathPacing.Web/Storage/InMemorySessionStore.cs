using Microsoft.Extensions.Options;

namespace BreathPacing.Web.Storage;

/// <summary>
/// The default store: this process's memory. Nothing else is needed to run the host, and nothing survives it. Not
/// shared: only this instance changes its sessions, so it reports nothing to a listener. Every call completes at once.
/// </summary>
public sealed class InMemorySessionStore(IOptions<WebSessionOptions> options) : ISessionStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _sessions = new(StringComparer.Ordinal);
    private readonly WebSessionOptions _options = options.Value;

    /// <inheritdoc />
    public bool IsShared => false;

    /// <inheritdoc />
    public ValueTask<StoreCreateResult> CreateAsync(StoredSession session, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            int active = 0, mine = 0;
            foreach (var entry in _sessions.Values)
            {
                if (entry.CountsUntil > now)
                {
                    active++;
                    if (string.Equals(entry.Session.Client, session.Client, StringComparison.Ordinal))
                    {
                        mine++;
                    }
                }
            }

            if (active >= _options.MaxConcurrentSessions)
            {
                return new(StoreCreateResult.ServerFull);
            }

            if (mine >= _options.MaxSessionsPerClient)
            {
                return new(StoreCreateResult.ClientFull);
            }

            var created = new Entry(session with { Version = 1 }) { Seen = now };
            Plan(created);
            _sessions[session.Id] = created;
            return new(StoreCreateResult.Created);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredSession?> GetAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_sessions.TryGetValue(id, out var entry) && entry.ForgetAt > now ? entry.Session : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoreWriteResult> WriteAsync(string id, long expectedVersion, BreathSessionSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_sessions.TryGetValue(id, out var entry) || entry.ForgetAt <= now)
            {
                return new(new StoreWriteResult(StoreWriteStatus.Gone, 0, null));
            }

            if (entry.Session.Version != expectedVersion)
            {
                return new(new StoreWriteResult(StoreWriteStatus.Conflict, entry.Session.Version, entry.Session.Snapshot));
            }

            entry.Session = entry.Session with { Version = expectedVersion + 1, Snapshot = snapshot };
            Plan(entry);
            return new(new StoreWriteResult(StoreWriteStatus.Written, entry.Session.Version, null));
        }
    }

    /// <inheritdoc />
    public ValueTask<long?> TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_sessions.TryGetValue(id, out var entry) || entry.ForgetAt <= now)
            {
                return new((long?)null);
            }

            entry.Seen = now;
            Plan(entry);
            return new(entry.Session.Version);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ForgetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_sessions.Remove(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> ForgetExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var expired = _sessions.Where(p => p.Value.ForgetAt <= now).Select(static p => p.Key).ToList();
            foreach (var id in expired)
            {
                _sessions.Remove(id);
            }

            return new((IReadOnlyList<string>)expired);
        }
    }

    /// <inheritdoc />
    public ValueTask<int> CountActiveAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_sessions.Values.Count(e => e.CountsUntil > now));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> IdsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new((IReadOnlyList<string>)[.. _sessions.Keys]);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => new(true);

    /// <inheritdoc />
    public void Listen(ISessionStoreListener listener)
    {
        // Nothing to report: this instance makes every change itself.
    }

    private void Plan(Entry entry)
    {
        var (ends, done) = SessionDeadlines.Of(entry.Session.Snapshot);
        var (countsUntil, forgetAt) = SessionDeadlines.Plan(ends, done, entry.Seen, _options.IdleTimeout, _options.CompletedGracePeriod);
        entry.CountsUntil = countsUntil ?? DateTimeOffset.MinValue;
        entry.ForgetAt = forgetAt;
    }

    private sealed class Entry(StoredSession session)
    {
        public StoredSession Session { get; set; } = session;

        public DateTimeOffset Seen { get; set; }

        public DateTimeOffset CountsUntil { get; set; }

        public DateTimeOffset ForgetAt { get; set; }
    }
}
