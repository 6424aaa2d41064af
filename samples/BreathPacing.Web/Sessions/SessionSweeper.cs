using System.Reactive.Concurrency;

namespace BreathPacing.Web.Sessions;

/// <summary>Runs <see cref="SessionRegistry.Sweep"/> every <see cref="WebSessionOptions.SweepInterval"/> on the registry's scheduler.</summary>
public sealed class SessionSweeper(SessionRegistry registry) : IHostedService, IDisposable
{
    private IDisposable? _timer;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = registry.Options.SweepInterval;
        _timer = registry.Scheduler.Schedule(interval, again =>
        {
            registry.Sweep();
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
