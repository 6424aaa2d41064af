using BenchmarkDotNet.Attributes;

namespace BreathPacing.Benchmarks.Micro;

/// <summary>Building and validating patterns, and laying one out as a timeline.</summary>
[MemoryDiagnoser]
public class PatternBenchmarks
{
    [Benchmark]
    public BreathPattern BuildAndValidate_ThreePartBreath() => BreathingTechniques.ThreePartBreath();

    [Benchmark]
    public BreathPattern BuildAndValidate_BoxBreathing() => BreathPattern.Create("box")
        .Inhale(TimeSpan.FromSeconds(4))
        .HoldAfterInhale(TimeSpan.FromSeconds(4))
        .Exhale(TimeSpan.FromSeconds(4))
        .HoldAfterExhale(TimeSpan.FromSeconds(4))
        .Build();

    [Benchmark]
    public BreathTimeline LayOutTimeline_ThreePartProgressing() =>
        new(BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true }), SessionLength.Minutes(30));
}
