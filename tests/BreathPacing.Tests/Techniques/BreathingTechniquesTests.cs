using CsCheck;

namespace BreathPacing.Tests.Techniques;

public class BreathingTechniquesTests
{
    [Fact]
    public void ThreePartBreath_FillsBellyToChestAndEmptiesChestToBelly()
    {
        var pattern = BreathingTechniques.ThreePartBreath();

        pattern.Name.Should().Be("Three-Part Breath");
        pattern.Phases.Select(p => p.Kind).Should().Equal(BreathPhaseKind.Inhale, BreathPhaseKind.Exhale);
        pattern.Phases.Should().OnlyContain(p => p.Duration == TimeSpan.FromSeconds(4));
        pattern.Phases[0].Segments.Select(s => s.Region).Should().Equal(BodyRegions.LowerBelly, BodyRegions.UpperBelly, BodyRegions.Chest);
        pattern.Phases[1].Segments.Select(s => s.Region).Should().Equal(BodyRegions.Chest, BodyRegions.UpperBelly, BodyRegions.LowerBelly);
        pattern.Phases[1].Segments[2].CueKey.Should().Be(CueKeys.ThreePartExhaleLowerBelly);
        pattern.Progression.Should().BeNull();
    }

    [Fact]
    public void ThreePartBreath_WithProgress_WorksUpToTheTarget()
    {
        var pattern = BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { StartSeconds = 5, Progress = true });

        pattern.Phases[0].Duration.Should().Be(TimeSpan.FromSeconds(5));
        pattern.Progression.Should().Be(BreathProgression.Lengthen(TimeSpan.FromSeconds(1), 3, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void OceansBreath_InhalesThroughTheNoseAndExhalesLongerThroughTheThroat()
    {
        var pattern = BreathingTechniques.OceansBreath();

        pattern.Name.Should().Be("Ocean's Breath");
        pattern.Phases[0].Airway.Should().Be(Airway.Nose);
        pattern.Phases[1].Airway.Should().Be(Airway.ThroatConstricted);
        pattern.Phases[1].Duration.Should().Be(TimeSpan.FromSeconds(6));
    }

    [Fact]
    public void OceansBreath_ExhaleIsLongerThanInhaleForEveryValidOption()
    {
        Gen.Select(Gen.Double[0.5, 21], Gen.Double[0.9, 3.1]).Sample((inhale, ratio) =>
        {
            BreathPattern pattern;
            try
            {
                pattern = BreathingTechniques.OceansBreath(new OceansBreathOptions { StartSeconds = inhale, ExhaleRatio = ratio });
            }
            catch (InvalidBreathPatternException)
            {
                return; // rejected options are fine; accepted ones must keep the promise
            }

            pattern.Phases[1].Duration.Should().BeGreaterThan(pattern.Phases[0].Duration);
        }, iter: 2000);
    }

    [Theory]
    [InlineData(0.9, false, 10, "startSeconds")]
    [InlineData(double.NaN, false, 10, "startSeconds")]
    [InlineData(21, false, 10, "startSeconds")]
    [InlineData(4, true, 4, "targetSeconds")]
    [InlineData(4, true, 25, "targetSeconds")]
    public void ThreePartBreath_BadOptions_ThrowNamingTheOption(double start, bool progress, double target, string field)
    {
        var act = () => BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { StartSeconds = start, Progress = progress, TargetSeconds = target });

        act.Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be(field);
    }

    [Theory]
    [InlineData(4, 1.0, "exhaleRatio")]
    [InlineData(4, 1.000000000001, "exhaleRatio")] // above 1, but the exhale rounds to the inhale's tick count
    [InlineData(1, 1.00000001, "exhaleRatio")]
    [InlineData(4, 0.5, "exhaleRatio")]
    [InlineData(4, double.NaN, "exhaleRatio")]
    [InlineData(0.5, 1.5, "startSeconds")]
    public void OceansBreath_BadOptions_ThrowNamingTheOption(double inhale, double ratio, string field)
    {
        var act = () => BreathingTechniques.OceansBreath(new OceansBreathOptions { StartSeconds = inhale, ExhaleRatio = ratio });

        act.Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be(field);
    }
}
