using BenchmarkDotNet.Attributes;

namespace BreathPacing.Benchmarks.Micro;

/// <summary>The pure timeline: position look-up, boundary enumeration and frame sampling.</summary>
[MemoryDiagnoser]
public class TimelineBenchmarks
{
    private BreathTimeline _steady = null!;
    private BreathTimeline _progressing = null!;
    private TimeSpan[] _instants = null!;

    [GlobalSetup]
    public void Setup()
    {
        _steady = new BreathTimeline(BreathingTechniques.ThreePartBreath(), SessionLength.Minutes(10));
        _progressing = new BreathTimeline(BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true }), SessionLength.Minutes(30));
        var random = new Random(42);
        _instants = [.. Enumerable.Range(0, 1024).Select(_ => TimeSpan.FromTicks(random.NextInt64(TimeSpan.FromMinutes(10).Ticks)))];
    }

    /// <summary>One position look-up in a steady Three-Part session (per operation: one At call).</summary>
    [Benchmark(OperationsPerInvoke = 1024)]
    public double TimelineAt_Steady()
    {
        var sum = 0.0;
        foreach (var t in _instants)
        {
            sum += _steady.At(t).LungVolume;
        }

        return sum;
    }

    /// <summary>One position look-up in a progressing Three-Part session (4 s → 10 s, a level per step).</summary>
    [Benchmark(OperationsPerInvoke = 1024)]
    public double TimelineAt_Progressing()
    {
        var sum = 0.0;
        foreach (var t in _instants)
        {
            sum += _progressing.At(t).LungVolume;
        }

        return sum;
    }

    /// <summary>Enumerating every boundary of a 10-minute session (per operation: one boundary).</summary>
    [Benchmark(OperationsPerInvoke = 675)]
    public long EnumerateBoundaries_TenMinutes()
    {
        long sum = 0;
        var n = 0;
        foreach (var b in _steady.EnumerateBoundaries())
        {
            sum += b.Offset.Ticks;
            n++;
        }

        return sum + n;
    }

    /// <summary>Sampling one animation frame (position → BreathFrame), 30 per second of a session.</summary>
    [Benchmark(OperationsPerInvoke = 1800)]
    public double FrameSampling_OneMinuteAt30Fps()
    {
        var sum = 0.0;
        var interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 30);
        for (var i = 0; i < 1800; i++)
        {
            var position = _steady.At(interval * i);
            sum += position.LungVolume;
        }

        return sum;
    }
}
