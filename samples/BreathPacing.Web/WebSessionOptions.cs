namespace BreathPacing.Web;

/// <summary>
/// Limits of the web host, bound from the <c>BreathPacingWeb</c> configuration section. Every limit that a client
/// can run into answers with a problem document (and, for 429 and 503, a <c>Retry-After</c> header).
/// </summary>
public sealed class WebSessionOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "BreathPacingWeb";

    /// <summary>How many running or paused sessions may exist at once; beyond it, starting one answers 429.</summary>
    /// <value>The default value is 100.</value>
    public int MaxConcurrentSessions { get; set; } = 100;

    /// <summary>How many running or paused sessions one client address may hold at once; beyond it, starting one answers 429.</summary>
    /// <value>The default value is 10.</value>
    public int MaxSessionsPerClient { get; set; } = 10;

    /// <summary>A session with no connected event-stream client for this long is stopped and disposed.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A completed session stays readable (for a late or reconnecting client) this long, then is disposed.</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan CompletedGracePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often expired sessions are swept, on the pacer's scheduler.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest session (cycles or minutes) a client may ask for.</summary>
    /// <value>The default value is 2 hours.</value>
    public TimeSpan MaxSessionDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The largest request body accepted; larger bodies answer 413.</summary>
    /// <value>The default value is 32 KiB.</value>
    public long MaxRequestBodyBytes { get; set; } = 32 * 1024;

    /// <summary>The longest request target (path and query) accepted; longer ones answer 414.</summary>
    /// <value>The default value is 2,048 characters.</value>
    public int MaxRequestTargetLength { get; set; } = 2048;

    /// <summary>The session length used when the request names none and the pattern has no default.</summary>
    /// <value>The default value is 10 cycles.</value>
    public int DefaultCycles { get; set; } = 10;

    /// <summary>How many event streams may be open on one session at once; beyond it, connecting answers 429.</summary>
    /// <value>The default value is 4.</value>
    public int MaxStreamsPerSession { get; set; } = 4;

    /// <summary>How many event streams may be open on the server at once; beyond it, connecting answers 503.</summary>
    /// <value>The default value is 500.</value>
    public int MaxStreams { get; set; } = 500;

    /// <summary>
    /// How many live events one event stream may hold that its client has not yet taken; a client that falls
    /// further behind is disconnected (it can resume with <c>Last-Event-ID</c>).
    /// </summary>
    /// <value>The default value is 64.</value>
    public int StreamBufferEvents { get; set; } = 64;

    /// <summary>
    /// A client whose connection accepts nothing for this long while the server has data for it is disconnected
    /// (it can resume with <c>Last-Event-ID</c>).
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan StreamStallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The kernel's send buffer for an event-stream connection (where the socket is reachable, as under Kestrel). Fixed
    /// rather than auto-tuned, so a client that stops reading pins this much (Linux doubles it) instead of up to the
    /// system's maximum (often 4 MiB), and the stall timeout starts counting soon.
    /// </summary>
    /// <value>The default value is 32 KiB.</value>
    public int StreamSendBufferBytes { get; set; } = 32 * 1024;

    /// <summary>An event stream with nothing else to send for this long sends a comment, so idle proxies keep it open.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Session starts one client address may make in a burst (a token bucket of this size).</summary>
    /// <value>The default value is 10.</value>
    public int SessionCreateBurst { get; set; } = 10;

    /// <summary>How fast a client address's session-start budget refills, in starts per minute.</summary>
    /// <value>The default value is 10.</value>
    public int SessionCreatesPerMinute { get; set; } = 10;

    /// <summary>Other API requests (reads, event-stream connects, pause, resume, stop) one client address may make in a burst.</summary>
    /// <value>The default value is 120.</value>
    public int RequestBurst { get; set; } = 120;

    /// <summary>How fast a client address's request budget refills, in requests per minute.</summary>
    /// <value>The default value is 240.</value>
    public int RequestsPerMinute { get; set; } = 240;

    /// <summary>
    /// Where sessions are kept: <see cref="SessionStoreKind.Memory"/> (this process; nothing else needed) or
    /// <see cref="SessionStoreKind.Redis"/> (shared by every instance of the host that names the same Redis, see
    /// <see cref="RedisConnection"/>): any instance then serves any session, and the caps and expiry hold across them.
    /// </summary>
    /// <value>The default value is <see cref="SessionStoreKind.Memory"/>.</value>
    public SessionStoreKind Store { get; set; } = SessionStoreKind.Memory;

    /// <summary>The Redis server for <see cref="SessionStoreKind.Redis"/>, as a StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? RedisConnection { get; set; }

    /// <summary>What every Redis key and channel of the host begins with, so several hosts can share one Redis.</summary>
    /// <value>The default value is <c>breathpacing:</c>.</value>
    public string RedisKeyPrefix { get; set; } = "breathpacing:";

    /// <summary>Checks every limit, naming the first that is out of range.</summary>
    /// <returns>The problems found; empty when every limit is valid.</returns>
    public IEnumerable<string> Validate()
    {
        static string Bad(string name, object value, string expected) => $"{Section}:{name} = {value}: expected {expected}.";

        if (MaxConcurrentSessions < 1) { yield return Bad(nameof(MaxConcurrentSessions), MaxConcurrentSessions, "at least 1"); }
        if (MaxSessionsPerClient < 1) { yield return Bad(nameof(MaxSessionsPerClient), MaxSessionsPerClient, "at least 1"); }
        if (IdleTimeout <= TimeSpan.Zero) { yield return Bad(nameof(IdleTimeout), IdleTimeout, "a positive time"); }
        if (CompletedGracePeriod < TimeSpan.Zero) { yield return Bad(nameof(CompletedGracePeriod), CompletedGracePeriod, "zero or a positive time"); }
        if (SweepInterval <= TimeSpan.Zero) { yield return Bad(nameof(SweepInterval), SweepInterval, "a positive time"); }
        if (MaxSessionDuration <= TimeSpan.Zero) { yield return Bad(nameof(MaxSessionDuration), MaxSessionDuration, "a positive time"); }
        if (MaxRequestBodyBytes < 1) { yield return Bad(nameof(MaxRequestBodyBytes), MaxRequestBodyBytes, "at least 1"); }
        if (MaxRequestTargetLength is < 64 or > 16 * 1024) { yield return Bad(nameof(MaxRequestTargetLength), MaxRequestTargetLength, "64 to 16384"); }
        if (DefaultCycles < 1) { yield return Bad(nameof(DefaultCycles), DefaultCycles, "at least 1"); }
        if (MaxStreamsPerSession < 1) { yield return Bad(nameof(MaxStreamsPerSession), MaxStreamsPerSession, "at least 1"); }
        if (MaxStreams < 1) { yield return Bad(nameof(MaxStreams), MaxStreams, "at least 1"); }
        if (StreamBufferEvents < 1) { yield return Bad(nameof(StreamBufferEvents), StreamBufferEvents, "at least 1"); }
        if (StreamStallTimeout <= TimeSpan.Zero) { yield return Bad(nameof(StreamStallTimeout), StreamStallTimeout, "a positive time"); }
        if (StreamSendBufferBytes is < 4096 or > 16 * 1024 * 1024) { yield return Bad(nameof(StreamSendBufferBytes), StreamSendBufferBytes, "4096 to 16777216"); }
        if (HeartbeatInterval <= TimeSpan.Zero) { yield return Bad(nameof(HeartbeatInterval), HeartbeatInterval, "a positive time"); }
        if (SessionCreateBurst < 1) { yield return Bad(nameof(SessionCreateBurst), SessionCreateBurst, "at least 1"); }
        if (SessionCreatesPerMinute < 1) { yield return Bad(nameof(SessionCreatesPerMinute), SessionCreatesPerMinute, "at least 1"); }
        if (RequestBurst < 1) { yield return Bad(nameof(RequestBurst), RequestBurst, "at least 1"); }
        if (RequestsPerMinute < 1) { yield return Bad(nameof(RequestsPerMinute), RequestsPerMinute, "at least 1"); }
        if (!Enum.IsDefined(Store)) { yield return Bad(nameof(Store), Store, "Memory or Redis"); }
        if (Store == SessionStoreKind.Redis && string.IsNullOrWhiteSpace(RedisConnection))
        {
            yield return Bad(nameof(RedisConnection), "(empty)", "a Redis server, e.g. localhost:6379, since Store = Redis");
        }

        if (string.IsNullOrEmpty(RedisKeyPrefix) || RedisKeyPrefix.Length > 64) { yield return Bad(nameof(RedisKeyPrefix), RedisKeyPrefix, "1 to 64 characters"); }
    }
}

/// <summary>Where the host keeps its sessions.</summary>
public enum SessionStoreKind
{
    /// <summary>This process's memory: one instance, nothing else needed.</summary>
    Memory,

    /// <summary>A Redis server shared by every instance of the host.</summary>
    Redis,
}
