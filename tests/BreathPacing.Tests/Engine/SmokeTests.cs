using BreathPacing.Engine;
using BreathPacing.Patterns;
using BreathPacing.Techniques;
using BreathPacing.Tests.Support;

namespace BreathPacing.Tests.Engine;

public class SmokeTests
{
    [Fact]
    public void ThreePart_TwoCycles()
    {
        var time = new VirtualTime();
        var pacer = new BreathPacer();
        using var rec = time.Record(pacer.Pace(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(2), time.Scheduler));
        time.AdvanceBySeconds(100);
        var lines = rec.Values.Select(v => $"@{v.At.TotalSeconds:0.###} {v.Value.Describe()}");
        foreach (var l in lines) Console.WriteLine(l);
        rec.CompletedAt.Should().Be(TimeSpan.FromSeconds(16));
    }
}
