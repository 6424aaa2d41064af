using System.Reactive.Concurrency;

namespace BreathPacing.Web.Tests.Support;

/// <summary>
/// A <see cref="HistoricalScheduler"/> whose queue may be used from several threads: the server schedules
/// (heartbeats, stall checks, pause and resume) on request threads while the test advances the clock.
/// Rx's virtual-time schedulers are single-threaded; this serialises their queue, nothing else.
/// </summary>
public sealed class LockedHistoricalScheduler(DateTimeOffset start) : HistoricalScheduler(start)
{
    private readonly object _gate = new();

    public override IDisposable ScheduleAbsolute<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        lock (_gate)
        {
            return base.ScheduleAbsolute(state, dueTime, action);
        }
    }

    protected override IScheduledItem<DateTimeOffset>? GetNext()
    {
        lock (_gate)
        {
            return base.GetNext();
        }
    }
}
