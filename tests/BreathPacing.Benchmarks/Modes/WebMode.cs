using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using BreathPacing.Benchmarks.Harness;

namespace BreathPacing.Benchmarks.Modes;

/// <summary>
/// Starts the web sample host on 127.0.0.1 (a free port) as a child process, then opens N SSE clients
/// on loopback, each with its own session of 1 s phases ("1-0-1-0"), started evenly over a ramp. Each
/// client counts the events it receives against the number the session must produce (lost must be 0)
/// and times each live phase event against its ideal instant: the server's start instant plus the
/// event's ideal offset (client and server share the machine's clock). Phase events already due when
/// the stream opened (the session starts at POST; the first phase is replayed on connect) are counted
/// but not timed: their lateness would measure connection set-up, not delivery. Bounded: it stops by itself.
/// With <c>--never-reading F</c>, that fraction of the clients open their stream and never read it (a small
/// receive window, as a frozen or hostile client): the server's memory per stream is then measured with them in the
/// mix, events and losses are counted over the reading clients only, and the run reports how many of the frozen
/// clients the server had dropped by the end (it drops a client that takes nothing for its stall timeout, 30 s by
/// default, or falls more than its buffer behind).
/// With <c>--instances N --store redis</c>, a redis-server of the run's own (free loopback port, temporary directory) and
/// N instances of the host share the sessions: client i starts its session on instance i mod N and streams it from
/// instance (i + 1) mod N, so every stream is served by an instance that restores the session from the store. The run
/// then also reports the Redis commands per session-minute (from Redis's own counters: the calls the instances make, and
/// the commands run inside their scripts).
/// </summary>
public static class WebMode
{
    private const double PhaseSeconds = 1;

    public static int Run(HarnessArgs args)
    {
        var smoke = args.Flag("smoke");
        var clients = args.Int("clients", smoke ? 20 : 1_000);
        var seconds = args.Number("seconds", smoke ? 4 : 30);
        var ramp = args.Number("ramp-seconds", smoke ? 1 : Math.Max(2, clients / 1000.0));
        var url = args.Text("url"); // an already running host, instead of starting one
        var serverArgs = args.Text("server-args") ?? string.Empty;
        var neverReadingText = args.Text("never-reading");
        var instances = args.Int("instances", 1);
        var storeText = args.Text("store") ?? "memory";
        foreach (var pair in (args.Text("host-env") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--host-env takes NAME=VALUE pairs separated by commas; '{pair}' is not one.");
            }

            WebHost.ExtraEnvironment[pair[..equals]] = pair[(equals + 1)..];
        }

        args.RejectUnknown();
        var redisStore = storeText.ToLowerInvariant() switch
        {
            "memory" => false,
            "redis" => true,
            _ => throw new ArgumentException($"--store expects memory or redis; was '{storeText}'."),
        };
        if (instances is < 1 or > 4 || (instances > 1 && !redisStore) || (url is not null && (instances > 1 || redisStore)))
        {
            throw new ArgumentException("--instances is 1 to 4; more than one needs --store redis (the instances share the sessions there), and neither goes with --url.");
        }

        var neverReadingShare = 0.0;
        if (neverReadingText is not null
            && (!double.TryParse(neverReadingText, NumberStyles.Float, CultureInfo.InvariantCulture, out neverReadingShare) || neverReadingShare is < 0 or >= 1))
        {
            throw new ArgumentException($"--never-reading expects a fraction of the clients from 0 up to (not including) 1, e.g. 0.1; was '{neverReadingText}'.");
        }

        var neverReading = (int)Math.Round(clients * neverReadingShare);
        var reading = clients - neverReading;
        if (clients > 20_000 || seconds > 1800)
        {
            throw new ArgumentException("web is bounded to 20,000 clients and 1,800 s.");
        }

        Machine.PrintHeader("web");
        var cycles = Math.Max(1, (int)Math.Round(seconds / (2 * PhaseSeconds)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clients={clients} (never reading: {neverReading}) cycles={cycles} of 1 s inhale + 1 s exhale (about {cycles * 2} s) ramp={ramp} s"));

        using var redis = redisStore ? RedisServer.Start() : null;
        var hosts = url is null ? Enumerable.Range(0, instances).Select(_ => WebHost.Start(serverArgs, clients, redis?.Connection)).ToList() : [];
        using var stopHosts = new Disposer(hosts);
        var host = hosts.Count > 0 ? new HostGroup(hosts) : null;
        var addresses = url is null ? hosts.Select(h => new Uri(h.BaseAddress)).ToArray() : [new Uri(url)];
        var baseAddress = addresses[0];
        if (redis is not null)
        {
            Console.WriteLine($"store: redis-server on port {redis.Port}; {instances} instances: {string.Join(", ", addresses.Select(a => a.Authority))}");
        }
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };

        foreach (var address in addresses)
        {
            WaitHealthy(http, new Uri(address, "/healthz"), TimeSpan.FromSeconds(smoke ? 180 : 300));
        }

        var redisCalls0 = redis?.Calls() ?? default;
        var rssBefore = host?.RssBytes() ?? 0;
        var serverCpu0 = host?.CpuTime() ?? TimeSpan.Zero;

        var recorder = new LatencyRecorder { Enabled = true };
        var live = new LiveEvents(DateTimeOffset.UtcNow, clients * ((2 * cycles) + 2)); // by due instant: the window after the ramp is chosen at the end
        var connected = new LastInstant(); // when the last client's stream opened
        var plannedSteadyFrom = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(ramp + 1);
        var deadline = TimeSpan.FromSeconds((cycles * 2 * PhaseSeconds) + ramp + 30);
        using var cts = new CancellationTokenSource(deadline);
        var outcomes = new ClientOutcome[clients];
        var frozen = new FrozenClient?[clients];
        long peakRss = 0;
        var wall = Stopwatch.StartNew();
        var tasks = new Task[clients];
        for (var i = 0; i < clients; i++)
        {
            var index = i;
            var due = TimeSpan.FromSeconds(ramp * i / clients);
            tasks[i] = Task.Run(async () =>
            {
                var wait = due - wall.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cts.Token).ConfigureAwait(false);
                }

                // Spread evenly through the ramp: every round(1 / share)-th client never reads.
                if (neverReading > 0 && (long)(index + 1) * neverReading / clients > (long)index * neverReading / clients)
                {
                    frozen[index] = await FrozenClient.OpenAsync(http, addresses[index % addresses.Length], addresses[(index + 1) % addresses.Length], cycles, cts.Token).ConfigureAwait(false);
                    outcomes[index] = new ClientOutcome { Frozen = true, Error = frozen[index]!.Error };
                    return;
                }

                outcomes[index] = await RunClient(http, addresses[index % addresses.Length], addresses[(index + 1) % addresses.Length], cycles, recorder, live, connected, cts.Token).ConfigureAwait(false);
            });
        }

        // Sample the server's memory while the clients are connected.
        var all = Task.WhenAll(tasks);
        while (!all.IsCompleted)
        {
            peakRss = Math.Max(peakRss, host?.RssBytes() ?? 0);
            Task.WaitAny([all], TimeSpan.FromMilliseconds(500));
        }

        var elapsed = wall.Elapsed.TotalSeconds;
        var redisCalls = redis is null ? default : redis.Calls() - redisCalls0;
        var serverCpu = ((host?.CpuTime() ?? TimeSpan.Zero) - serverCpu0).TotalSeconds;
        var expectedPerClient = 2 + (3 * cycles); // started, 2 phases + cycle end per cycle, completed
        var received = outcomes.Sum(o => o?.Events ?? 0);
        var failures = outcomes.Count(o => o is null || o.Error is not null);
        var dropped = frozen.Count(f => f is not null && f.WasDropped(TimeSpan.FromSeconds(2)));
        foreach (var f in frozen)
        {
            f?.Dispose();
        }

        Thread.Sleep(TimeSpan.FromSeconds(2)); // let the server notice the frozen clients leave
        var rssAfter = host?.RssBytes() ?? 0;
        foreach (var error in outcomes.Where(o => o?.Error is not null).Select(o => o!.Error).Distinct().Take(5))
        {
            Console.Error.WriteLine($"web: client error: {error}");
        }

        var h = recorder.Merge();
        // "After the ramp": events due a second or more after every client's stream had opened (or after the planned
        // ramp, if that is later). A ramp the machine cannot keep up with ends late, and its backlog is the ramp's.
        var steadyFrom = connected.Value is { } last && last + TimeSpan.FromSeconds(1) > plannedSteadyFrom ? last + TimeSpan.FromSeconds(1) : plannedSteadyFrom;
        var (hs, hst) = live.From(steadyFrom);
        var connectedAfter = ((connected.Value ?? plannedSteadyFrom) - live.Origin).TotalSeconds;
        var name = neverReading == 0 ? "breathpacing-web-sse" : FormattableString.Invariant($"breathpacing-web-sse-never-reading-{neverReadingShare * 100:0.#}pct");
        if (redisStore)
        {
            name += FormattableString.Invariant($"-{instances}x-redis");
        }

        // Each session runs cycles × 2 s; the commands of the whole run (starts, streams, activity, expiry) per minute of session.
        var sessionMinutes = clients * cycles * 2 * PhaseSeconds / 60.0;
        var result = ContenderResult.FromHistogram("web", name, h) with
        {
            Events = received,
            Lost = ((long)expectedPerClient * reading) - received,

            // Each client holds one session and one event stream: the growth per client is the memory per stream.
            MemPerSessionBytes = host is null ? null : (peakRss - rssBefore) / (double)clients,
            CpuPct = host is null ? null : serverCpu / elapsed * 100,
            Extra =
            [
                ("clients", clients.ToString(CultureInfo.InvariantCulture)),
                ("never-reading clients / dropped by the server by the end", $"{neverReading} / {dropped}"),
                ("failed clients", failures.ToString(CultureInfo.InvariantCulture)),
                ("expected events (reading clients)", ((long)expectedPerClient * reading).ToString(CultureInfo.InvariantCulture)),
                ("timed phase events (live)", h.Count.ToString(CultureInfo.InvariantCulture)),
                ("phase events replayed on connect", h.Other.ToString(CultureInfo.InvariantCulture)),
                ("all streams open after (s; planned ramp)", FormattableString.Invariant($"{connectedAfter:0.0}; {ramp:0.#}")),
                ("after ramp: events / p50 / p99 / max ms", FormattableString.Invariant($"{hs.Count} / {Report.F(hs.QuantileMs(0.5))} / {Report.F(hs.QuantileMs(0.99))} / {Report.F(hs.MaxMicros / 1000.0)}")),
                ("after ramp, by server stamp: p50 / p99 / max ms", FormattableString.Invariant($"{Report.F(hst.QuantileMs(0.5))} / {Report.F(hst.QuantileMs(0.99))} / {Report.F(hst.MaxMicros / 1000.0)}")),
                ("server RSS MiB before/peak/after" + (hosts.Count > 1 ? " (all instances)" : string.Empty), $"{rssBefore / 1048576.0:0}/{peakRss / 1048576.0:0}/{rssAfter / 1048576.0:0}"),
                .. redis is null ? Array.Empty<(string, string)>() :
                [
                    ("instances / store", $"{instances} / redis (client i starts on instance i mod {instances}, streams from the next)"),
                    ("Redis calls per session-minute (commands sent / incl. inside scripts)", FormattableString.Invariant($"{redisCalls.Sent / sessionMinutes:0.0} / {redisCalls.All / sessionMinutes:0.0}")),
                    ("Redis calls in all (commands sent / incl. inside scripts)", FormattableString.Invariant($"{redisCalls.Sent} / {redisCalls.All}")),
                ],
            ],
        };
        Report.Print($"web: {clients:N0} SSE clients on loopback ({neverReading:N0} never reading), {cycles} cycles of 1 s phases each", [result]);
        Console.WriteLine("(server memory per client is the growth of the server process's resident set, not managed bytes; each client holds one session and one stream)");
        return result.Lost == 0 && failures == 0 ? 0 : 1;
    }

    /// <summary>Every live event's due instant and lateness (by the client, and by the server's stamp), to choose the window after the ramp at the end.</summary>
    private sealed class LiveEvents(DateTimeOffset origin, int capacity)
    {
        private readonly double[] _due = new double[capacity];
        private readonly long[] _late = new long[capacity];
        private readonly long[] _stampLate = new long[capacity];
        private int _count;

        public DateTimeOffset Origin { get; } = origin;

        public void Record(DateTimeOffset due, long late, long? stampLate)
        {
            var i = Interlocked.Increment(ref _count) - 1;
            if (i < _due.Length)
            {
                _due[i] = (due - Origin).TotalSeconds;
                _late[i] = late;
                _stampLate[i] = stampLate ?? long.MinValue;
            }
        }

        public (LatencyHistogram ByClient, LatencyHistogram ByStamp) From(DateTimeOffset from)
        {
            var byClient = new LatencyHistogram();
            var byStamp = new LatencyHistogram();
            var since = (from - Origin).TotalSeconds;
            for (var i = 0; i < Math.Min(Volatile.Read(ref _count), _due.Length); i++)
            {
                if (_due[i] >= since)
                {
                    byClient.Record(_late[i]);
                    if (_stampLate[i] != long.MinValue)
                    {
                        byStamp.Record(_stampLate[i]);
                    }
                }
            }

            return (byClient, byStamp);
        }
    }

    /// <summary>The latest of the instants it is told, thread-safe.</summary>
    private sealed class LastInstant
    {
        private long _ticks = long.MinValue;

        public DateTimeOffset? Value => Interlocked.Read(ref _ticks) is var t && t != long.MinValue ? new DateTimeOffset(t, TimeSpan.Zero) : null;

        public void Update(DateTimeOffset instant)
        {
            var ticks = instant.UtcTicks;
            var seen = Interlocked.Read(ref _ticks);
            while (ticks > seen)
            {
                var was = Interlocked.CompareExchange(ref _ticks, ticks, seen);
                if (was == seen)
                {
                    return;
                }

                seen = was;
            }
        }
    }

    private static async Task<ClientOutcome> RunClient(HttpClient http, Uri startOn, Uri streamFrom, int cycles, LatencyRecorder recorder, LiveEvents live, LastInstant connected, CancellationToken ct)
    {
        var outcome = new ClientOutcome();
        try
        {
            using var created = await http.PostAsJsonAsync(new Uri(startOn, "/api/sessions"), new { notation = "1-0-1-0", cycles }, ct).ConfigureAwait(false);
            var body = await created.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!created.IsSuccessStatusCode)
            {
                outcome.Error = $"POST /api/sessions → {(int)created.StatusCode}: {Truncate(body)}";
                return outcome;
            }

            using var session = JsonDocument.Parse(body);
            var id = Find(session.RootElement, "id", "sessionId")?.ToString() ?? throw new InvalidDataException("no session id in " + Truncate(body));
            var startedAt = Find(session.RootElement, "startedAt", "serverStartedAt", "startInstant", "start", "serverStart", "startTime")?.GetDateTimeOffset();
            var eventsUrl = Find(session.RootElement, "eventsUrl", "events")?.GetString() ?? $"/api/sessions/{id}/events";

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(streamFrom, eventsUrl));
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var streamOpenedAt = DateTimeOffset.UtcNow; // events due before this are replayed on connect, not delivered live
            connected.Update(streamOpenedAt);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
            string? name = null;
            string? data = null;
            while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0)
                {
                    if (name is not null || data is not null)
                    {
                        var now = DateTimeOffset.UtcNow;
                        outcome.Events++;
                        if (name is "PhaseStarted" or "phaseStarted" && data is not null && startedAt is { } start && Offset(data) is { } offset)
                        {
                            if (start + offset > streamOpenedAt)
                            {
                                var late = (long)((now - (start + offset)).Ticks * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond));
                                recorder.Record(late);
                                var stampLate = ServerTime(data) is { } stamp ? (long)((stamp - (start + offset)).Ticks * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond)) : (long?)null;
                                live.Record(start + offset, late, stampLate);
                            }
                            else
                            {
                                recorder.CountOther();
                            }
                        }

                        if (name is "SessionCompleted" or "sessionCompleted")
                        {
                            return outcome;
                        }
                    }

                    name = data = null;
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data = data is null ? line[5..].Trim() : data + "\n" + line[5..].Trim();
                }
            }

            outcome.Error ??= "the stream ended before SessionCompleted";
        }
        catch (OperationCanceledException)
        {
            outcome.Error = "timed out";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or InvalidDataException or SocketException)
        {
            outcome.Error = ex.GetType().Name + ": " + ex.Message;
        }

        return outcome;
    }

    /// <summary>The event's ideal offset from its JSON data: a TimeSpan string ("00:00:01") or a number of milliseconds.</summary>
    private static TimeSpan? Offset(string data)
    {
        using var doc = JsonDocument.Parse(data);
        if (Find(doc.RootElement, "offsetMs", "offsetMilliseconds") is { ValueKind: JsonValueKind.Number } ms)
        {
            return TimeSpan.FromMilliseconds(ms.GetDouble());
        }

        if (Find(doc.RootElement, "offsetSeconds") is { ValueKind: JsonValueKind.Number } s)
        {
            return TimeSpan.FromSeconds(s.GetDouble());
        }

        return Find(doc.RootElement, "offset") switch
        {
            { ValueKind: JsonValueKind.String } text when TimeSpan.TryParse(text.GetString(), CultureInfo.InvariantCulture, out var t) => t,
            { ValueKind: JsonValueKind.Number } n => TimeSpan.FromMilliseconds(n.GetDouble()),
            _ => null,
        };
    }

    private static DateTimeOffset? ServerTime(string data)
    {
        using var doc = JsonDocument.Parse(data);
        return Find(doc.RootElement, "serverTime") is { ValueKind: JsonValueKind.String } t && t.TryGetDateTimeOffset(out var value) ? value : null;
    }

    private static JsonElement? Find(JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (names.Contains(property.Name, StringComparer.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                return property.Value;
            }
        }

        return null;
    }

    private static void WaitHealthy(HttpClient http, Uri healthz, TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var r = http.GetAsync(healthz).GetAwaiter().GetResult();
                if (r.IsSuccessStatusCode)
                {
                    Console.WriteLine($"web host healthy after {sw.Elapsed.TotalSeconds:0.0} s at {healthz.Authority}");
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (sw.Elapsed > timeout)
            {
                throw new TimeoutException($"The web host at {healthz.Authority} was not healthy within {timeout.TotalSeconds:0} s.");
            }

            Thread.Sleep(250);
        }
    }

    private static string Truncate(string s) => s.Length > 300 ? s[..300] + "…" : s;

    private sealed class ClientOutcome
    {
        public long Events;
        public string? Error;
        public bool Frozen;
    }

    /// <summary>A client that starts a session, opens its event stream with a small receive window, and never reads.</summary>
    private sealed class FrozenClient : IDisposable
    {
        private readonly Socket? _socket;

        private FrozenClient(Socket? socket, string? error)
        {
            _socket = socket;
            Error = error;
        }

        public string? Error { get; }

        public static async Task<FrozenClient> OpenAsync(HttpClient http, Uri startOn, Uri baseAddress, int cycles, CancellationToken ct)
        {
            try
            {
                using var created = await http.PostAsJsonAsync(new Uri(startOn, "/api/sessions"), new { notation = "1-0-1-0", cycles }, ct).ConfigureAwait(false);
                var body = await created.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (!created.IsSuccessStatusCode)
                {
                    return new FrozenClient(null, $"POST /api/sessions → {(int)created.StatusCode}: {Truncate(body)}");
                }

                using var session = JsonDocument.Parse(body);
                var eventsUrl = session.RootElement.GetProperty("eventsUrl").GetString()!;
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(baseAddress.Host, baseAddress.Port, ct).ConfigureAwait(false);
                await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes($"GET {eventsUrl} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAccept: text/event-stream\r\n\r\n"), ct).ConfigureAwait(false);
                return new FrozenClient(socket, null);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException or JsonException or OperationCanceledException)
            {
                return new FrozenClient(null, ex.GetType().Name + ": " + ex.Message);
            }
        }

        /// <summary>Reads what is waiting: the server dropped this client if the stream ends or resets within the time.</summary>
        public bool WasDropped(TimeSpan within)
        {
            if (_socket is null)
            {
                return false;
            }

            var buffer = new byte[64 * 1024];
            var deadline = DateTime.UtcNow + within;
            try
            {
                while (DateTime.UtcNow < deadline)
                {
                    if (!_socket.Poll(TimeSpan.FromMilliseconds(100), SelectMode.SelectRead))
                    {
                        continue;
                    }

                    if (_socket.Receive(buffer) == 0)
                    {
                        return true;
                    }
                }

                return false;
            }
            catch (SocketException)
            {
                return true;
            }
        }

        public void Dispose() => _socket?.Dispose();
    }

    /// <summary>The web sample host as a child process on a free loopback port; killed (with its children) on dispose.</summary>
    private sealed class WebHost : IDisposable
    {
        private static readonly object BuildGate = new();
        private static bool _built;
        private readonly Process _process;

        private WebHost(Process process, string baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public string BaseAddress { get; }

        /// <summary>Environment variables for the host alone (<c>--host-env</c>), e.g. GC settings under test.</summary>
        public static Dictionary<string, string> ExtraEnvironment { get; } = [];

        public static WebHost Start(string extraArgs, int clients, string? redis)
        {
            var root = RepositoryRoot();
            var project = Path.Combine(root, "samples", "BreathPacing.Web");
            if (!Directory.Exists(project))
            {
                throw new DirectoryNotFoundException("The web host project (samples/BreathPacing.Web) is not in this checkout; pass --url of a running host instead.");
            }

            lock (BuildGate)
            {
                if (!_built)
                {
                    var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q"]) { UseShellExecute = false })!;
                    build.WaitForExit();
                    if (build.ExitCode != 0)
                    {
                        throw new InvalidOperationException("Building samples/BreathPacing.Web failed.");
                    }

                    _built = true;
                }
            }

            var port = FreePort();
            var address = $"http://127.0.0.1:{port}";
            var info = new ProcessStartInfo("dotnet", ["run", "--no-build", "-c", "Release", "--no-launch-profile", "--project", project, "--", "--urls", address])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

            // The harness runs its clients under server GC (see Program); the host keeps its own GC setting unless
            // --host-env names one (DOTNET_gcServer=1).
            info.Environment.Remove("DOTNET_gcServer");
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            // Raise the host's session cap (BreathPacingWeb:MaxConcurrentSessions, 100 by default) above the client count.
            info.Environment["BreathPacingWeb__MaxConcurrentSessions"] = (clients + 100).ToString(CultureInfo.InvariantCulture);

            // Every client comes from 127.0.0.1, so lift the per-address limits and the stream cap (500 by default) above the load.
            var plenty = ((clients + 100) * 10).ToString(CultureInfo.InvariantCulture);
            foreach (var limit in new[] { "MaxSessionsPerClient", "MaxStreams", "SessionCreateBurst", "SessionCreatesPerMinute", "RequestBurst", "RequestsPerMinute" })
            {
                info.Environment["BreathPacingWeb__" + limit] = plenty;
            }
            if (redis is not null)
            {
                info.Environment["BreathPacingWeb__Store"] = "Redis";
                info.Environment["BreathPacingWeb__RedisConnection"] = redis;
            }

            foreach (var arg in extraArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                info.ArgumentList.Add(arg);
            }

            foreach (var (name, value) in ExtraEnvironment)
            {
                info.Environment[name] = value; // last, so a setting named on the command line wins
            }

            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Console.Error.WriteLine("[web host] " + e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new WebHost(process, address);
        }

        /// <summary>The resident set of the host (dotnet run starts the app as a child: take the largest process in the tree).</summary>
        public long RssBytes() => Tree().Select(Rss).DefaultIfEmpty(0).Max();

        public TimeSpan CpuTime() => Tree().Select(Cpu).Aggregate(TimeSpan.Zero, (a, b) => a + b);

        public void Dispose()
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
        }

        private IEnumerable<int> Tree()
        {
            var pids = new List<int> { _process.Id };
            for (var i = 0; i < pids.Count; i++)
            {
                var children = $"/proc/{pids[i]}/task/{pids[i]}/children";
                if (File.Exists(children))
                {
                    pids.AddRange(File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
                }
            }

            return pids;
        }

        private static long Rss(int pid)
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
            catch (IOException)
            {
                return 0;
            }
        }

        private static TimeSpan Cpu(int pid)
        {
            try
            {
                using var p = Process.GetProcessById(pid);
                return p.TotalProcessorTime;
            }
            catch (ArgumentException)
            {
                return TimeSpan.Zero;
            }
        }

        internal static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        internal static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BreathPacing.sln")))
                {
                    return dir.FullName;
                }
            }

            for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BreathPacing.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Cannot find the repository root (BreathPacing.sln).");
        }
    }

    /// <summary>Several hosts measured as one: their resident sets and CPU time added up.</summary>
    private sealed class HostGroup(IReadOnlyList<WebHost> hosts)
    {
        public long RssBytes() => hosts.Sum(static h => h.RssBytes());

        public TimeSpan CpuTime() => hosts.Aggregate(TimeSpan.Zero, static (total, h) => total + h.CpuTime());
    }

    private sealed class Disposer(IEnumerable<IDisposable> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }

    /// <summary>Redis's own count of the commands it ran: those sent by clients, and those including what scripts ran.</summary>
    private readonly record struct RedisCalls(long Sent, long All)
    {
        public static RedisCalls operator -(RedisCalls a, RedisCalls b) => new(a.Sent - b.Sent, a.All - b.All);
    }

    /// <summary>A redis-server of the run's own on a free loopback port with a temporary directory; killed on dispose.</summary>
    private sealed class RedisServer : IDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private RedisServer(Process process, int port, string directory)
        {
            _process = process;
            Port = port;
            _directory = directory;
        }

        public int Port { get; }

        public string Connection => $"127.0.0.1:{Port}";

        public static RedisServer Start()
        {
            var executable = new[] { Environment.GetEnvironmentVariable("REDIS_SERVER_PATH"), "/usr/bin/redis-server", "/usr/local/bin/redis-server" }
                .FirstOrDefault(static p => !string.IsNullOrEmpty(p) && File.Exists(p))
                ?? throw new FileNotFoundException("--store redis needs redis-server (Debian: apt-get install redis-server, or set REDIS_SERVER_PATH).");
            var directory = Directory.CreateTempSubdirectory("breathpacing-bench-redis-").FullName;
            var port = WebHost.FreePort();
            var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory, "--save", string.Empty, "--appendonly", "no", "--maxclients", "10000" })
            {
                info.ArgumentList.Add(argument);
            }

            var process = Process.Start(info)!;
            process.OutputDataReceived += static (_, _) => { };
            process.ErrorDataReceived += static (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new RedisServer(process, port, directory);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (true)
            {
                try
                {
                    if (server.Command("PING") == "PONG")
                    {
                        return server;
                    }
                }
                catch (SocketException)
                {
                }

                if (DateTime.UtcNow > deadline || process.HasExited)
                {
                    server.Dispose();
                    throw new InvalidOperationException($"redis-server did not answer on port {port}.");
                }

                Thread.Sleep(50);
            }
        }

        /// <summary>
        /// From INFO commandstats (which counts the commands scripts run as well): every command, and those the instances
        /// sent (leaving out the commands that the host's store only runs inside its scripts).
        /// </summary>
        public RedisCalls Calls()
        {
            string[] insideScriptsOnly = ["hset", "hmget", "hget", "hdel", "zadd", "zrem", "zremrangebyscore", "zrangebyscore", "zcard", "pexpire", "pttl", "del", "publish"];
            var info = Command("INFO", "commandstats");
            long inside = 0, all = 0;
            foreach (var line in info.Split('\n'))
            {
                if (line.StartsWith("cmdstat_", StringComparison.Ordinal) && line.IndexOf("calls=", StringComparison.Ordinal) is var at and >= 0)
                {
                    var calls = long.Parse(line[(at + 6)..line.IndexOf(',', at)], CultureInfo.InvariantCulture);
                    all += calls;
                    if (insideScriptsOnly.Contains(line[8..line.IndexOf(':', StringComparison.Ordinal)]))
                    {
                        inside += calls;
                    }
                }
            }

            return new RedisCalls(all - inside, all);
        }

        public void Dispose()
        {
            try
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private string Command(params string[] arguments)
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            var request = new System.Text.StringBuilder().Append('*').Append(arguments.Length).Append("\r\n");
            foreach (var argument in arguments)
            {
                request.Append('$').Append(argument.Length).Append("\r\n").Append(argument).Append("\r\n");
            }

            stream.Write(System.Text.Encoding.ASCII.GetBytes(request.ToString()));
            using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
            var line = reader.ReadLine() ?? throw new IOException("No reply from redis-server.");
            if (line[0] != '$')
            {
                return line[1..];
            }

            var length = int.Parse(line[1..], CultureInfo.InvariantCulture);
            var buffer = new char[length];
            for (var read = 0; read < length;)
            {
                read += reader.Read(buffer, read, length - read);
            }

            return new string(buffer);
        }
    }
}
