using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;

namespace BreathPacing.Benchmarks.Micro;

/// <summary>
/// The engine on virtual time: a 10-cycle Three-Part session (92 events) paced on Rx's
/// HistoricalScheduler. Per operation: one event, including the virtual scheduler's own allocations
/// (a queue item per boundary); the scale mode measures the engine on the timer wheel, where the
/// boundary itself allocates nothing.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int EventsPerSession = 92;
    private readonly BreathPacer _pacer = new();
    private readonly Sink _sink = new();
    private BreathTimeline _timeline = null!;

    [GlobalSetup]
    public void Setup() => _timeline = new BreathTimeline(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(10));

    [Benchmark(OperationsPerInvoke = EventsPerSession)]
    public long PaceOneEvent_VirtualTime()
    {
        var scheduler = new HistoricalScheduler();
        _sink.Count = 0;
        using (_pacer.Pace(_timeline, scheduler).Subscribe(_sink))
        {
            scheduler.AdvanceBy(TimeSpan.FromSeconds(81));
        }

        if (_sink.Count != EventsPerSession)
        {
            throw new InvalidOperationException($"Expected {EventsPerSession} events, saw {_sink.Count}.");
        }

        return _sink.Count;
    }

    private sealed class Sink : IObserver<BreathEvent>
    {
        public int Count;

        public void OnNext(BreathEvent value) => Count++;

        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => throw error;
    }
}
