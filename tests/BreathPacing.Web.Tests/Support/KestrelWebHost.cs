using System.Net;
using System.Net.Sockets;
using System.Reactive.Concurrency;
using BreathPacing.Web.Sessions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.Web.Tests.Support;

/// <summary>
/// The web app on a real Kestrel port (sockets, back-pressure, connection aborts and Kestrel's own limits are
/// real), with a <see cref="LockedHistoricalScheduler"/> in DI so sessions, heartbeats and stall checks run on
/// virtual time. Clients can connect from any 127.0.0.0/8 address (Linux routes the whole block to loopback), so
/// the per-address limits see distinct clients with no test-only switch in the server.
/// </summary>
public sealed class KestrelWebHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = [];

    public KestrelWebHost(params (string Key, string Value)[] settings)
        : this(null, settings)
    {
    }

    /// <summary>A host on <paramref name="clock"/> (shared by several hosts, it is one virtual time for all of them).</summary>
    public KestrelWebHost(HistoricalScheduler? clock, params (string Key, string Value)[] settings)
    {
        Scheduler = clock ?? new LockedHistoricalScheduler(VirtualTimeWebFactory.Epoch);
        foreach (var (key, value) in settings)
        {
            _settings["BreathPacingWeb:" + key] = value;
        }

        UseKestrel();
        StartServer();
        BaseAddress = AnyLoopbackPort.BaseAddressOf(Services);
    }

    /// <summary>Limits raised out of the way, for tests about something else.</summary>
    public static (string Key, string Value)[] Generous =>
    [
        ("SessionCreateBurst", "100000"), ("SessionCreatesPerMinute", "100000"), ("RequestBurst", "100000"), ("RequestsPerMinute", "100000"),
        ("MaxSessionsPerClient", "100000"), ("MaxConcurrentSessions", "100000"),
    ];

    public Uri BaseAddress { get; }

    public HistoricalScheduler Scheduler { get; }

    /// <summary>
    /// An instance of the host on <paramref name="redis"/> under the key prefix <paramref name="prefix"/> (one per test, so
    /// tests sharing a server do not meet), on the virtual clock <paramref name="clock"/>, with the limits raised out of
    /// the way unless <paramref name="settings"/> set them.
    /// </summary>
    public static KestrelWebHost OnRedis(RedisServer redis, string prefix, HistoricalScheduler clock, params (string Key, string Value)[] settings) =>
        new(clock, [.. Generous, ("Store", "Redis"), ("RedisConnection", redis.Connection), ("RedisKeyPrefix", prefix), .. settings]);

    public SessionRegistry Registry => Services.GetRequiredService<SessionRegistry>();

    public void AdvanceBy(double seconds) => Scheduler.AdvanceBy(TimeSpan.FromSeconds(seconds));

    /// <summary>
    /// Advances the virtual clock by <paramref name="seconds"/> in steps of <paramref name="step"/>, after each
    /// waiting (real time, bounded) until <paramref name="settled"/> holds, e.g. until a reader has caught up.
    /// </summary>
    public async Task AdvanceInStepsAsync(double seconds, double step, Func<bool> settled, string because)
    {
        for (var done = 0.0; done < seconds; done += step)
        {
            AdvanceBy(Math.Min(step, seconds - done));
            await Eventually.HoldsAsync(settled, because);
        }
    }

    /// <summary>An HTTP client whose connections come from <paramref name="from"/> (a 127.x.y.z address).</summary>
    /// <param name="from">The local address.</param>
    /// <param name="timeout">The request timeout.</param>
    /// <param name="receiveBufferBytes">A small receive buffer makes a client that stops reading push back on the server soon.</param>
    public HttpClient ClientFrom(string from = "127.0.0.1", TimeSpan? timeout = null, int? receiveBufferBytes = null)
    {
        var local = IPAddress.Parse(from);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 64,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (receiveBufferBytes is { } bytes)
                {
                    socket.ReceiveBufferSize = bytes;
                }

                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary>
    /// Opens an event stream over a raw socket that never reads, with a small receive window, as a hostile or
    /// frozen client would; dispose to close it.
    /// </summary>
    public async Task<Socket> ConnectNeverReadingAsync(string path, string from = "127.0.0.1")
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 2048 };
        socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
        await socket.ConnectAsync(BaseAddress.Host, BaseAddress.Port);
        var request = $"GET {path} HTTP/1.1\r\nHost: {BaseAddress.Authority}\r\nAccept: text/event-stream\r\n\r\n";
        await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(request));
        return socket;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production").UseAnyLoopbackPort();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IScheduler>(Scheduler);
            services.AddSingleton<TimeProvider>(new SchedulerTimeProvider(Scheduler));
        });
    }

    private sealed class SchedulerTimeProvider(IScheduler scheduler) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => scheduler.Now;
    }
}
