using BreathPacing.Safety;
using BreathPacing.Serialization;
using BreathPacing.Tests.Support;
using CsCheck;

namespace BreathPacing.Tests.Safety;

public class BreathPatternAnalysisTests
{
    private static readonly TimeSpan S = TimeSpan.FromSeconds(1);

    [Fact]
    public void Of_FourSevenEight_MeasuresRateRatioHoldAndCycle()
    {
        var analysis = BreathPatternAnalysis.Of(BreathNotation.Parse("4-7-8"));

        analysis.CycleDuration.Should().Be(19 * S);
        analysis.BreathsPerCycle.Should().Be(1);
        analysis.BreathsPerMinute.Should().BeApproximately(60.0 / 19, 1e-12);
        analysis.InhaleToExhaleRatio.Should().Be(0.5);
        analysis.LongestHold.Should().Be(7 * S);
        analysis.ShortestInhale.Should().Be(4 * S);
        analysis.ShortestExhale.Should().Be(8 * S);
        analysis.ShortestBreath.Should().Be(4 * S);
        analysis.AtTarget.Should().BeNull();
    }

    [Fact]
    public void Of_OceansBreath_HasLongerExhale()
    {
        var analysis = BreathPatternAnalysis.Of(BreathingTechniques.OceansBreath());

        analysis.BreathsPerMinute.Should().Be(6);
        analysis.InhaleToExhaleRatio.Should().BeApproximately(4.0 / 6, 1e-12);
        analysis.LongestHold.Should().Be(TimeSpan.Zero);
        analysis.ShortestBreath.Should().Be(4 * S);
    }

    [Fact]
    public void Of_HoldsOnBothSidesOfTheCycleBoundary_CountAsOneHold()
    {
        var pattern = BreathPattern.Create("wrap").HoldAfterExhale(3 * S).Inhale(4 * S).Exhale(4 * S).HoldAfterExhale(5 * S).Build();

        BreathPatternAnalysis.Of(pattern).LongestHold.Should().Be(8 * S, "the 5 s hold runs straight on into the next cycle's 3 s hold");
    }

    [Fact]
    public void Of_ConsecutiveHolds_AddUp()
    {
        var pattern = BreathPattern.Create("two holds").Inhale(4 * S).HoldAfterInhale(2 * S).HoldAfterInhale(3 * S).Exhale(4 * S).HoldAfterExhale(4 * S).Build();

        BreathPatternAnalysis.Of(pattern).LongestHold.Should().Be(5 * S);
    }

    [Fact]
    public void Of_TwoBreathsInOneCycle_CountsBoth()
    {
        var analysis = BreathPatternAnalysis.Of(BreathNotation.Parse("in 2 out 2 in 4 out 6"));

        analysis.BreathsPerCycle.Should().Be(2);
        analysis.BreathsPerMinute.Should().BeApproximately(2 * 60.0 / 14, 1e-12);
        analysis.ShortestInhale.Should().Be(2 * S);
        analysis.InhaleToExhaleRatio.Should().Be(0.75);
    }

    [Fact]
    public void Of_StackedInhales_CountAsOneBreath()
    {
        var analysis = BreathPatternAnalysis.Of(BreathNotation.Parse("in 1 in 1 out 4"));

        analysis.BreathsPerCycle.Should().Be(1);
        analysis.ShortestInhale.Should().Be(S);
        analysis.InhaleDuration.Should().Be(2 * S);
    }

    [Fact]
    public void Of_ProgressingThreePartBreath_MeasuresTheTargetToo()
    {
        var analysis = BreathPatternAnalysis.Of(BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true }));

        analysis.CycleDuration.Should().Be(8 * S);
        analysis.AtTarget.Should().NotBeNull();
        analysis.AtTarget!.CycleDuration.Should().Be(20 * S);
        analysis.AtTarget.BreathsPerMinute.Should().Be(3);
        analysis.AtTarget.InhaleToExhaleRatio.Should().Be(1);
        analysis.AtTarget.AtTarget.Should().BeNull();
    }

    [Fact]
    public void Of_ProgressionWithHold_HoldGrowsInProportion()
    {
        var pattern = BreathPattern.Create("478 up").Inhale(4 * S).HoldAfterInhale(7 * S).Exhale(8 * S)
            .WithProgression(BreathProgression.Lengthen(S, 2, 8 * S)).Build();

        var atTarget = BreathPatternAnalysis.Of(pattern).AtTarget!;

        atTarget.LongestHold.Should().Be(14 * S);
        atTarget.ShortestExhale.Should().Be(16 * S);
    }

    [Fact]
    public void Of_RandomPatterns_MeasuresAreConsistent() =>
        PatternGen.Pattern.Sample(pattern =>
        {
            var a = BreathPatternAnalysis.Of(pattern);
            a.CycleDuration.Should().Be(pattern.CycleDuration);
            (a.BreathsPerMinute * a.CycleDuration.TotalMinutes).Should().BeApproximately(a.BreathsPerCycle, 1e-9);
            a.BreathsPerCycle.Should().BeInRange(1, pattern.Phases.Count(p => p.Kind == BreathPhaseKind.Exhale));
            a.InhaleToExhaleRatio.Should().BeApproximately(pattern.InhaleDuration.TotalSeconds / pattern.ExhaleDuration.TotalSeconds, 1e-12);
            a.LongestHold.Should().BeLessThanOrEqualTo(a.CycleDuration - a.InhaleDuration - a.ExhaleDuration);
            a.ShortestBreath.Should().BeGreaterThanOrEqualTo(PatternLimits.MinimumPhaseDuration);
            a.ShortestBreath.Should().BeLessThanOrEqualTo(pattern.Phases.Where(p => !p.IsHold).Min(p => p.Duration));
            if (pattern.Progression is null)
            {
                a.AtTarget.Should().BeNull();
            }
            else
            {
                a.AtTarget!.CycleDuration.Should().BeGreaterThan(a.CycleDuration);
                a.AtTarget.BreathsPerMinute.Should().BeLessThan(a.BreathsPerMinute);
                a.AtTarget.LongestHold.Should().BeGreaterThanOrEqualTo(a.LongestHold);
            }
        }, iter: 1000);

    [Fact]
    public void Of_Null_ThrowsArgumentNull() =>
        FluentActions.Invoking(() => BreathPatternAnalysis.Of(null!)).Should().Throw<ArgumentNullException>();

    [Fact]
    public void ToString_SummarisesTheMeasures() =>
        BreathPatternAnalysis.Of(BreathNotation.Parse("4-4-4-4")).ToString()
            .Should().Be("3.75 breaths/min, in:out 1, cycle 16 s, shortest breath 4 s, longest hold 4 s");
}
