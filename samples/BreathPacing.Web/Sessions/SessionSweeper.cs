using System.Reactive.Concurrency;

namespace BreathPacing.Web.Sessions;

/// <summary>
/// Runs <see cref="SessionRegistry.Tick"/> on the registry's scheduler every <see cref="WebSessionOptions.SweepInterval"/>,
/// or every quarter of <see cref="WebSessionOptions.IdleTimeout"/> if that is sooner (a session streamed here must be
/// marked active in the store before it could go idle).
/// </summary>
public sealed class SessionSweeper(SessionRegistry registry) : IHostedService, IDisposable
{
    private IDisposable? _timer;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = registry.TickInterval;
        _timer = registry.Scheduler.Schedule(interval, again =>
        {
            registry.Tick();
            again(interval);
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        registry.Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _timer, null)?.Dispose();
}
