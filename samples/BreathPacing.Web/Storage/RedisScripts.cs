namespace BreathPacing.Web.Storage;

/// <summary>
/// The Lua scripts of <see cref="RedisSessionStore"/>: each change is one script, so it is atomic (the cap check and the
/// insert; the version check, the write and the publish). Times are the host's clock in Unix milliseconds, passed in.
/// </summary>
/// <remarks>
/// Layout under the key prefix <c>P</c> (default <c>breathpacing:</c>):
/// <list type="bullet">
/// <item><c>P s:{id}</c>, a hash: <c>v</c> (version), <c>snap</c> (the snapshot's JSON), <c>tech</c>, <c>client</c>,
/// <c>created</c> (ISO 8601), <c>seen</c> (an event stream was last seen), <c>ends</c> (planned end of a running session),
/// <c>done</c> (completed at), <c>forget</c> (when it is forgotten). Its TTL is a backstop: the forget time plus a margin,
/// so a store that no instance sweeps any more still empties itself.</item>
/// <item><c>P active</c>, a sorted set: the sessions that count under the session cap, scored by when they stop counting
/// (planned end or idle timeout). <c>P c:{client}</c>: the same per client address, for the per-client cap.</item>
/// <item><c>P expiry</c>, a sorted set: every session, scored by when it is forgotten.</item>
/// <item>Channel <c>P s:{id}</c>: <c>{version}|{snapshot JSON}</c> after each change, <c>gone</c> when forgotten. Instances
/// subscribe to the pattern <c>P s:*</c>.</item>
/// </list>
/// The client key is built inside the scripts, so this layout is for a single Redis (with replicas if you like), not Redis Cluster.
/// </remarks>
public static class RedisScripts
{
    // plan(): SessionDeadlines.Plan. place(): the sorted sets, the forget time and the TTL backstop after a change.
    private const string Prelude = """
        local function num(x) if x == false or x == nil or x == '' then return nil end return tonumber(x) end
        local function plan(ends, done, seen, idle, grace)
          if done then return nil, done + grace end
          local idleAt = seen + idle
          if ends and ends <= idleAt then return ends, ends + grace end
          return idleAt, idleAt
        end
        local function place(id, key, active, expiry, clientKey, counting, forget, now, margin)
          if counting and counting > now then
            redis.call('ZADD', active, counting, id)
            redis.call('ZADD', clientKey, counting, id)
            local ttl = counting - now + margin
            if redis.call('PTTL', clientKey) < ttl then redis.call('PEXPIRE', clientKey, ttl) end
          else
            redis.call('ZREM', active, id)
            redis.call('ZREM', clientKey, id)
          end
          redis.call('ZADD', expiry, forget, id)
          redis.call('HSET', key, 'forget', forget)
          redis.call('PEXPIRE', key, math.max(forget - now, 1) + margin)
        end
        local function setOrClear(key, field, value)
          if value then redis.call('HSET', key, field, value) else redis.call('HDEL', key, field) end
        end

        """;

    /// <summary>
    /// Create under the caps. KEYS: session, active, expiry, client set. ARGV: now, cap, client cap, id, snapshot, technique,
    /// client, created, ends, done, idle, grace, margin. Returns 0 (created), 1 (server full) or 2 (client full).
    /// </summary>
    public const string Create = Prelude + """
        local now = tonumber(ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
        redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
        if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return 1 end
        if redis.call('ZCARD', KEYS[4]) >= tonumber(ARGV[3]) then return 2 end
        local ends, done = num(ARGV[9]), num(ARGV[10])
        redis.call('HSET', KEYS[1], 'v', 1, 'snap', ARGV[5], 'tech', ARGV[6], 'client', ARGV[7], 'created', ARGV[8], 'seen', now)
        setOrClear(KEYS[1], 'ends', ends)
        setOrClear(KEYS[1], 'done', done)
        local counting, forget = plan(ends, done, now, tonumber(ARGV[11]), tonumber(ARGV[12]))
        place(ARGV[4], KEYS[1], KEYS[2], KEYS[3], KEYS[4], counting, forget, now, tonumber(ARGV[13]))
        return 0
        """;

    /// <summary>
    /// Compare-and-set a new snapshot, then publish it. KEYS: session, active, expiry. ARGV: expected version, snapshot, ends,
    /// done, now, idle, grace, margin, key prefix, id. Returns {1, version} (written), {0, version, snapshot} (conflict) or {-1} (gone).
    /// </summary>
    public const string Write = Prelude + """
        local now = tonumber(ARGV[5])
        local h = redis.call('HMGET', KEYS[1], 'v', 'forget', 'client', 'seen')
        if not h[1] or (num(h[2]) and num(h[2]) <= now) then return {-1} end
        if tonumber(h[1]) ~= tonumber(ARGV[1]) then return {0, tonumber(h[1]), redis.call('HGET', KEYS[1], 'snap')} end
        local v = tonumber(h[1]) + 1
        local ends, done = num(ARGV[3]), num(ARGV[4])
        redis.call('HSET', KEYS[1], 'v', v, 'snap', ARGV[2])
        setOrClear(KEYS[1], 'ends', ends)
        setOrClear(KEYS[1], 'done', done)
        local counting, forget = plan(ends, done, num(h[4]) or now, tonumber(ARGV[6]), tonumber(ARGV[7]))
        place(ARGV[10], KEYS[1], KEYS[2], KEYS[3], ARGV[9] .. 'c:' .. (h[3] or ''), counting, forget, now, tonumber(ARGV[8]))
        redis.call('PUBLISH', KEYS[1], v .. '|' .. ARGV[2])
        return {1, v}
        """;

    /// <summary>
    /// Record activity. KEYS: session, active, expiry. ARGV: now, idle, grace, margin, key prefix, id. Returns the version, or -1 (gone).
    /// </summary>
    public const string Touch = Prelude + """
        local now = tonumber(ARGV[1])
        local h = redis.call('HMGET', KEYS[1], 'v', 'forget', 'client', 'ends', 'done')
        if not h[1] or (num(h[2]) and num(h[2]) <= now) then return -1 end
        redis.call('HSET', KEYS[1], 'seen', now)
        local counting, forget = plan(num(h[4]), num(h[5]), now, tonumber(ARGV[2]), tonumber(ARGV[3]))
        place(ARGV[6], KEYS[1], KEYS[2], KEYS[3], ARGV[5] .. 'c:' .. (h[3] or ''), counting, forget, now, tonumber(ARGV[4]))
        return tonumber(h[1])
        """;

    /// <summary>Forget one session now. KEYS: session, active, expiry. ARGV: id, key prefix. Returns 1 if it was stored.</summary>
    public const string Forget = """
        local client = redis.call('HGET', KEYS[1], 'client')
        local existed = redis.call('DEL', KEYS[1])
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('ZREM', KEYS[3], ARGV[1])
        if client then redis.call('ZREM', ARGV[2] .. 'c:' .. client, ARGV[1]) end
        if existed == 1 then redis.call('PUBLISH', KEYS[1], 'gone') end
        return existed
        """;

    /// <summary>
    /// Forget every session whose time has come (at most ARGV[3] per call). KEYS: active, expiry. ARGV: now, key prefix, limit.
    /// Returns the ids forgotten.
    /// </summary>
    public const string Sweep = """
        local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
        for _, id in ipairs(ids) do
          local key = ARGV[2] .. 's:' .. id
          local client = redis.call('HGET', key, 'client')
          local existed = redis.call('DEL', key)
          redis.call('ZREM', KEYS[1], id)
          redis.call('ZREM', KEYS[2], id)
          if client then redis.call('ZREM', ARGV[2] .. 'c:' .. client, id) end
          if existed == 1 then redis.call('PUBLISH', key, 'gone') end
        end
        return ids
        """;
}
