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

    [Theory]
    [InlineData(1e-300, 10, "stepSeconds")]   // positive, but rounds to no tick at all
    [InlineData(1e-6, 10, "stepSeconds")]     // 10 ticks a step: far more than 1,000 steps to the target
    [InlineData(1, 4.00000000001, "targetSeconds")] // above the start, but the same tick
    public void CreatePattern_OptionsThatFailOnlyAfterRounding_NameTheOption(double step, double target, string field)
    {
        var act = () => BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true, StepSeconds = step, TargetSeconds = target });

        act.Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void CreatePattern_AnyOptions_GiveTheRoundedPatternOrAnErrorNamingAnOption()
    {
        string[] optionFields = ["startSeconds", "targetSeconds", "stepSeconds", "cyclesPerStep", "exhaleRatio"];
        var seconds = Gen.OneOf(Gen.Double[0, 25], Gen.Double[3.9999999, 4.0000001], Gen.Double);
        Gen.Select(Gen.Int[0, 1], seconds, Gen.Bool, seconds, Gen.OneOf(Gen.Double[0, 6], Gen.Double[1e-9, 1e-5], Gen.Double), Gen.Int[-1, 101], Gen.Double[0.9, 3.1])
            .Sample(x =>
            {
                var (which, start, progress, target, step, every, ratio) = x;
                var technique = BreathingTechniques.All[which];
                var options = technique.DefaultOptions with { StartSeconds = start, Progress = progress, TargetSeconds = target, StepSeconds = step, CyclesPerStep = every };
                if (options is OceansBreathOptions ocean)
                {
                    options = ocean with { ExhaleRatio = ratio };
                }

                BreathPattern pattern;
                try
                {
                    pattern = technique.CreatePattern(options);
                }
                catch (InvalidBreathPatternException error)
                {
                    error.Field.Should().BeOneOf(optionFields);
                    return;
                }

                pattern.Phases[0].Duration.Ticks.Should().Be((long)Math.Round(start * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
                if (progress)
                {
                    pattern.Progression!.Target.Ticks.Should().Be((long)Math.Round(target * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
                    pattern.Progression.Step.Ticks.Should().Be((long)Math.Round(step * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
                    pattern.Progression.EveryCycles.Should().Be(every);
                }
                else
                {
                    pattern.Progression.Should().BeNull();
                }
            }, iter: 5000);
    }
}
