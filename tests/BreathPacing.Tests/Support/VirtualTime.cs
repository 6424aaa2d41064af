using System.Reactive.Concurrency;

namespace BreathPacing.Tests.Support;

/// <summary>A tiny virtual-time helper over Rx's HistoricalScheduler (Microsoft.Reactive.Testing does not build against Rx 7).</summary>
public sealed class VirtualTime
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public HistoricalScheduler Scheduler { get; } = new(Epoch);

    /// <summary>Virtual time elapsed since the epoch.</summary>
    public TimeSpan Elapsed => Scheduler.Now - Epoch;

    public void AdvanceBy(TimeSpan by) => Scheduler.AdvanceBy(by);

    public void AdvanceTo(TimeSpan sinceEpoch) => Scheduler.AdvanceTo(Epoch + sinceEpoch);

    public void AdvanceBySeconds(double seconds) => AdvanceBy(TimeSpan.FromSeconds(seconds));

    /// <summary>Records each notification with the virtual instant it was observed at.</summary>
    public Recorder<T> Record<T>(IObservable<T> source) => new(this, source);
}

public sealed class Recorder<T> : IObserver<T>, IDisposable
{
    private readonly VirtualTime _time;
    private readonly IDisposable _subscription;

    public Recorder(VirtualTime time, IObservable<T> source)
    {
        _time = time;
        _subscription = source.Subscribe(this);
    }

    public List<(TimeSpan At, T Value)> Values { get; } = [];

    public TimeSpan? CompletedAt { get; private set; }

    public Exception? Error { get; private set; }

    public IEnumerable<T> Items => Values.Select(v => v.Value);

    public void OnNext(T value) => Values.Add((_time.Elapsed, value));

    public void OnCompleted() => CompletedAt = _time.Elapsed;

    public void OnError(Exception error) => Error = error;

    public void Dispose() => _subscription.Dispose();
}

public static class EventText
{
    /// <summary>A compact, readable line per event, e.g. "4.000 PhaseStarted c0 p1 Exhale 4 s".</summary>
    public static string Describe(this BreathEvent e) => e switch
    {
        SessionStarted s => $"{S(s.Offset)} SessionStarted",
        PhaseStarted p => $"{S(p.Offset)} PhaseStarted c{p.CycleIndex} p{p.PhaseIndex} {p.PhaseKind} {S(p.Duration)}",
        SegmentStarted g => $"{S(g.Offset)} SegmentStarted c{g.CycleIndex} p{g.PhaseIndex} {g.Region} {S(g.Duration)}",
        CycleCompleted c => $"{S(c.Offset)} CycleCompleted c{c.CycleIndex}",
        SessionPaused p => $"{S(p.Offset)} SessionPaused",
        SessionResumed r => $"{S(r.Offset)} SessionResumed after {S(r.PausedFor)}",
        SessionSkippedAhead k => $"{S(k.Offset)} SessionSkippedAhead missed {k.MissedEvents} from {S(k.MissedFrom)}",
        SessionCompleted c => $"{S(c.Offset)} SessionCompleted cycles={c.Summary.CompletedCycles} early={c.Summary.EndedEarly}",
        _ => e.ToString(),
    };

    private static string S(TimeSpan t) => t.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
