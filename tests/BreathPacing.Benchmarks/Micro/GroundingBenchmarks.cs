using BenchmarkDotNet.Attributes;
using BreathPacing.Grounding;

namespace BreathPacing.Benchmarks.Micro;

/// <summary>Cue look-up: what a host does for every event it shows.</summary>
[MemoryDiagnoser]
public class GroundingBenchmarks
{
    private readonly IGroundingCatalog _catalog = GroundingCatalog.Default;
    private SegmentStarted _segment = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Events are made by the engine only: take the upper-belly segment of one virtual-time cycle.
        var time = new System.Reactive.Concurrency.HistoricalScheduler();
        var events = new List<BreathEvent>();
        using var run = new BreathPacer().Pace(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(1), time).Subscribe(events.Add);
        time.AdvanceBy(TimeSpan.FromSeconds(10));
        _segment = events.OfType<SegmentStarted>().First(s => s.SegmentIndex == 1);
    }

    [Benchmark]
    public string? CueText_ByKey() => _catalog.GetCueText(CueKeys.ThreePartInhaleUpperBelly);

    [Benchmark]
    public string? CueText_ForSegmentEvent() => _catalog.GetCueText(_segment.CueKey!);

    [Benchmark]
    public GroundingTechnique? FindTechnique_ByAlias() => _catalog.Find("ujjayi");
}
