using System.Globalization;
using BreathPacing.Serialization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BreathPacing.Web.Storage;

/// <summary>
/// Sessions in a Redis server shared by every instance of the host: each change is one Lua script (see
/// <see cref="RedisScripts"/> for the key and channel layout), and every instance subscribes to the sessions' channels
/// to follow what the others change. The connection is StackExchange.Redis's: it reconnects on its own; while it is
/// down every call fails at once with <see cref="SessionStoreUnavailableException"/> (the host answers 503) and the
/// listener is told, so open event streams end rather than go stale.
/// </summary>
public sealed class RedisSessionStore : ISessionStore, IDisposable
{
    /// <summary>How much longer than its forget time a session's key lives in Redis: a backstop for when no instance sweeps.</summary>
    public static readonly TimeSpan KeyMargin = TimeSpan.FromMinutes(10);

    private const int SweepBatch = 256;

    private readonly IConnectionMultiplexer _redis;
    private readonly IDatabase _db;
    private readonly WebSessionOptions _options;
    private readonly ILogger<RedisSessionStore> _log;
    private readonly string _prefix;
    private readonly RedisKey _active;
    private readonly RedisKey _expiry;
    private readonly object _gate = new();
    private ISessionStoreListener? _listener;
    private ChannelMessageQueue? _queue;
    private volatile bool _subscriptionDown;

    /// <summary>Creates the store on a connection (see <see cref="Connect"/>).</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="options">The host's limits and the key prefix.</param>
    /// <param name="log">The log.</param>
    public RedisSessionStore(IConnectionMultiplexer redis, IOptions<WebSessionOptions> options, ILogger<RedisSessionStore> log)
    {
        _redis = redis;
        _db = redis.GetDatabase();
        _options = options.Value;
        _log = log;
        _prefix = _options.RedisKeyPrefix;
        _active = _prefix + "active";
        _expiry = _prefix + "expiry";
    }

    /// <inheritdoc />
    public bool IsShared => true;

    /// <summary>
    /// Connects to <see cref="WebSessionOptions.RedisConnection"/> without waiting for the server: the host starts (and
    /// reports unhealthy) while Redis is down, and recovers when it comes back, with no restart.
    /// </summary>
    /// <param name="options">The host's options.</param>
    /// <returns>The connection.</returns>
    public static IConnectionMultiplexer Connect(WebSessionOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.RedisConnection!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast; // while disconnected, a request fails now (503), not after a timeout
        configuration.ReconnectRetryPolicy = new ExponentialRetry(250, 5000);
        configuration.ClientName ??= "breathpacing-web";
        return ConnectionMultiplexer.Connect(configuration);
    }

    /// <inheritdoc />
    public async ValueTask<StoreCreateResult> CreateAsync(StoredSession session, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (ends, done) = SessionDeadlines.Of(session.Snapshot);
        var result = await Call(db => db.ScriptEvaluateAsync(
            RedisScripts.Create,
            [Key(session.Id), _active, _expiry, ClientKey(session.Client)],
            [
                Ms(now), _options.MaxConcurrentSessions, _options.MaxSessionsPerClient, session.Id,
                BreathSessionSnapshotJson.Serialize(session.Snapshot), session.TechniqueId ?? string.Empty, session.Client,
                session.StartedAt.ToString("O", CultureInfo.InvariantCulture), Ms(ends), Ms(done), .. Timing(),
            ]), "start a session");
        return (int)result switch
        {
            0 => StoreCreateResult.Created,
            1 => StoreCreateResult.ServerFull,
            _ => StoreCreateResult.ClientFull,
        };
    }

    /// <inheritdoc />
    public async ValueTask<StoredSession?> GetAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (_subscriptionDown)
        {
            throw new SessionStoreUnavailableException("The session store's change channel is down; a session read now could go stale unnoticed.");
        }

        var fields = await Call(db => db.HashGetAllAsync(Key(id)), "read a session");
        if (fields.Length == 0)
        {
            return null;
        }

        var hash = fields.ToDictionary(static f => f.Name.ToString(), static f => f.Value, StringComparer.Ordinal);
        if (!hash.TryGetValue("v", out var version) || !hash.TryGetValue("snap", out var snapshot)
            || (hash.TryGetValue("forget", out var forget) && (long)forget <= now.ToUnixTimeMilliseconds()))
        {
            return null; // half-gone, or expired and not yet swept
        }

        var technique = hash.GetValueOrDefault("tech").ToString();
        return new StoredSession(
            id,
            (long)version,
            BreathSessionSnapshotJson.Deserialize(snapshot.ToString()),
            technique.Length == 0 ? null : technique,
            hash.GetValueOrDefault("client").ToString(),
            DateTimeOffset.Parse(hash.GetValueOrDefault("created").ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    /// <inheritdoc />
    public async ValueTask<StoreWriteResult> WriteAsync(string id, long expectedVersion, BreathSessionSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (ends, done) = SessionDeadlines.Of(snapshot);
        var (idle, grace, margin) = (Timing()[0], Timing()[1], Timing()[2]);
        var result = (RedisResult[])(await Call(db => db.ScriptEvaluateAsync(
            RedisScripts.Write,
            [Key(id), _active, _expiry],
            [expectedVersion, BreathSessionSnapshotJson.Serialize(snapshot), Ms(ends), Ms(done), Ms(now), idle, grace, margin, _prefix, id]), "write a session"))!;
        return (int)result[0] switch
        {
            1 => new StoreWriteResult(StoreWriteStatus.Written, (long)result[1], null),
            0 => new StoreWriteResult(StoreWriteStatus.Conflict, (long)result[1], BreathSessionSnapshotJson.Deserialize(result[2].ToString())),
            _ => new StoreWriteResult(StoreWriteStatus.Gone, 0, null),
        };
    }

    /// <inheritdoc />
    public async ValueTask<long?> TouchAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var timing = Timing();
        var version = (long)await Call(db => db.ScriptEvaluateAsync(
            RedisScripts.Touch, [Key(id), _active, _expiry], [Ms(now), timing[0], timing[1], timing[2], _prefix, id]), "record activity");
        return version < 0 ? null : version;
    }

    /// <inheritdoc />
    public async ValueTask<bool> ForgetAsync(string id, CancellationToken cancellationToken = default) =>
        (int)await Call(db => db.ScriptEvaluateAsync(RedisScripts.Forget, [Key(id), _active, _expiry], [id, _prefix]), "forget a session") == 1;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> ForgetExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var forgotten = new List<string>();
        while (true)
        {
            var ids = (string[])(await Call(db => db.ScriptEvaluateAsync(RedisScripts.Sweep, [_active, _expiry], [Ms(now), _prefix, SweepBatch]), "forget expired sessions"))!;
            forgotten.AddRange(ids);
            if (ids.Length < SweepBatch)
            {
                return forgotten;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> CountActiveAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        (int)await Call(db => db.SortedSetLengthAsync(_active, now.ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.Start), "count sessions");

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> IdsAsync(CancellationToken cancellationToken = default) =>
        [.. (await Call(db => db.SortedSetRangeByRankAsync(_expiry), "list sessions")).Select(static v => v.ToString())];

    /// <inheritdoc />
    public async ValueTask<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        if (_subscriptionDown || !_redis.IsConnected)
        {
            return false;
        }

        try
        {
            await _db.PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return true;
        }
        catch (Exception error) when (error is RedisException or TimeoutException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Listen(ISessionStoreListener listener)
    {
        _listener = listener;
        _redis.ConnectionFailed += OnConnectionFailed;
        _redis.ConnectionRestored += OnConnectionRestored;
        Subscribe();
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        _redis.ConnectionFailed -= OnConnectionFailed;
        _redis.ConnectionRestored -= OnConnectionRestored;
        ChannelMessageQueue? queue;
        lock (_gate)
        {
            queue = _queue;
            _queue = null;
        }

        try
        {
            queue?.Unsubscribe(CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // Down: nothing to unsubscribe from.
        }
    }

    private static RedisValue Ms(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeMilliseconds() : RedisValue.EmptyString;

    private static SessionStoreUnavailableException Unavailable(string what, Exception error) =>
        new($"The session store (Redis) could not {what}: {error.Message}", error);

    private static bool IsOutage(Exception error) =>
        error is RedisConnectionException or RedisTimeoutException or ObjectDisposedException
        || (error is RedisServerException server && (server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("BUSY", StringComparison.Ordinal) || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || server.Message.StartsWith("READONLY", StringComparison.Ordinal) || server.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal)));

    private RedisValue[] Timing() =>
    [
        (long)_options.IdleTimeout.TotalMilliseconds, (long)_options.CompletedGracePeriod.TotalMilliseconds, (long)KeyMargin.TotalMilliseconds,
    ];

    private RedisKey Key(string id) => _prefix + "s:" + id;

    private RedisKey ClientKey(string client) => _prefix + "c:" + client;

    private async Task<T> Call<T>(Func<IDatabase, Task<T>> call, string what)
    {
        try
        {
            return await call(_db).ConfigureAwait(false);
        }
        catch (Exception error) when (IsOutage(error))
        {
            throw Unavailable(what, error);
        }
    }

    private void Subscribe()
    {
        lock (_gate)
        {
            if (_queue is not null)
            {
                return;
            }

            try
            {
                _queue = _redis.GetSubscriber().Subscribe(RedisChannel.Pattern(_prefix + "s:*"));
                _queue.OnMessage(OnMessage);
                _subscriptionDown = false;
            }
            catch (Exception error) when (IsOutage(error))
            {
                _subscriptionDown = true;
                _log.LogWarning("Could not subscribe to the session channels yet ({Error}); will when the connection is back.", error.Message);
            }
        }
    }

    private void OnMessage(ChannelMessage message)
    {
        var listener = _listener;
        var channel = message.Channel.ToString();
        var text = message.Message.ToString();
        if (listener is null || channel.Length <= _prefix.Length + 2)
        {
            return;
        }

        var id = channel[(_prefix.Length + 2)..];
        if (text == "gone")
        {
            listener.OnGone(id);
            return;
        }

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            listener.OnChanged(id, version, () => BreathSessionSnapshotJson.Deserialize(text[(bar + 1)..]));
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            _subscriptionDown = true;
        }

        _listener?.OnUnavailable($"{e.ConnectionType} connection to {e.EndPoint}: {e.FailureType}");
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            Subscribe();
            _subscriptionDown = false;
        }

        if (!_subscriptionDown && _redis.IsConnected)
        {
            _listener?.OnAvailable();
        }
    }
}
