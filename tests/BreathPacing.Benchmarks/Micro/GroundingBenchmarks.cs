using BenchmarkDotNet.Attributes;
using BreathPacing.Engine;
using BreathPacing.Grounding;
using BreathPacing.Patterns;
using BreathPacing.Techniques;
using BreathPacing.Timeline;

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
        var pattern = BreathingTechniques.ThreePartBreath();
        var timeline = new BreathTimeline(pattern);
        _segment = new SegmentStarted(3, TimeSpan.FromSeconds(4.0 / 3), 0, 0, 1, pattern.Phases[0], timeline.PhaseDuration(0, 0) / 3);
    }

    [Benchmark]
    public string? CueText_ByKey() => _catalog.GetCueText(CueKeys.ThreePartInhaleUpperBelly);

    [Benchmark]
    public string? CueText_ForSegmentEvent() => _catalog.GetCueText(_segment);

    [Benchmark]
    public GroundingTechnique? FindTechnique_ByAlias() => _catalog.Find("ujjayi");
}
