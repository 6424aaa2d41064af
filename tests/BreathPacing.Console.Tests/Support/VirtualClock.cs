using System.Reactive.Concurrency;

namespace BreathPacing.ConsoleHost.Tests.Support;

/// <summary>Virtual time over Rx's HistoricalScheduler (Microsoft.Reactive.Testing does not build against Rx 7).</summary>
public sealed class VirtualClock
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public HistoricalScheduler Scheduler { get; } = new(Epoch);

    public TimeSpan Elapsed => Scheduler.Now - Epoch;

    public void AdvanceTo(double seconds) => Scheduler.AdvanceTo(Epoch + TimeSpan.FromSeconds(seconds));

    public void AdvanceBy(double seconds) => Scheduler.AdvanceBy(TimeSpan.FromSeconds(seconds));
}
