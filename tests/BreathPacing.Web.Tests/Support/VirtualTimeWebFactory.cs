using System.Reactive.Concurrency;
using BreathPacing.Web.Sessions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.Web.Tests.Support;

/// <summary>
/// Hosts the web app in memory with a <see cref="HistoricalScheduler"/> in DI: AddBreathPacing picks it up, so
/// sessions, the expiry sweep and the event streams' heartbeats and stall checks run on virtual time, and the
/// server time in events is that same virtual clock. The per-client rate limits (real time, by design of
/// ASP.NET Core's limiter) are raised out of the way unless a test sets them: the hostile suite tests them.
/// </summary>
public sealed class VirtualTimeWebFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Key, string Value)[] Generous =
    [
        ("SessionCreateBurst", "100000"), ("SessionCreatesPerMinute", "100000"), ("RequestBurst", "100000"), ("RequestsPerMinute", "100000"),
        ("MaxSessionsPerClient", "100000"),
    ];

    private readonly Dictionary<string, string?> _settings;

    public VirtualTimeWebFactory(params (string Key, string Value)[] settings)
    {
        _settings = [];
        foreach (var (key, value) in Generous.Concat(settings))
        {
            _settings["BreathPacingWeb:" + key] = value; // a test's own setting wins
        }
    }

    public HistoricalScheduler Scheduler { get; } = new LockedHistoricalScheduler(Epoch);

    public SessionRegistry Registry => Services.GetRequiredService<SessionRegistry>();

    public void AdvanceBy(double seconds) => Scheduler.AdvanceBy(TimeSpan.FromSeconds(seconds));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
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

    /// <summary>A time provider reading the virtual clock, so the events' server time is virtual too.</summary>
    private sealed class SchedulerTimeProvider(IScheduler scheduler) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => scheduler.Now;
    }
}
