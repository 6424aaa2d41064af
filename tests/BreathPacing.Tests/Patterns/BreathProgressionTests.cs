
namespace BreathPacing.Tests.Patterns;

public class BreathProgressionTests
{
    [Theory]
    [InlineData(0, 3, 10, "progression.step")]
    [InlineData(-1, 3, 10, "progression.step")]
    [InlineData(1, 0, 10, "progression.everyCycles")]
    [InlineData(1, 1001, 10, "progression.everyCycles")]
    [InlineData(1, 3, 0, "progression.target")]
    [InlineData(1, 3, 601, "progression.target")]
    public void Lengthen_OutOfRange_ThrowsNamingTheField(double step, int every, double target, string field)
    {
        var act = () => BreathProgression.Lengthen(TimeSpan.FromSeconds(step), every, TimeSpan.FromSeconds(target));

        act.Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void Build_TargetNotLongerThanFirstInhale_Throws()
    {
        var builder = BreathPattern.Create("p").Inhale(TimeSpan.FromSeconds(4)).Exhale(TimeSpan.FromSeconds(4))
            .WithProgression(BreathProgression.Lengthen(TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(4)));

        builder.Invoking(b => b.Build()).Should().Throw<InvalidBreathPatternException>()
            .Which.Message.Should().Contain("progression.target").And.Contain("4 s");
    }

    [Fact]
    public void Build_StepTooSmallForTheRange_Throws()
    {
        var builder = BreathPattern.Create("p").Inhale(TimeSpan.FromSeconds(1)).Exhale(TimeSpan.FromSeconds(1))
            .WithProgression(BreathProgression.Lengthen(TimeSpan.FromMilliseconds(1), 1, TimeSpan.FromSeconds(10)));

        builder.Invoking(b => b.Build()).Should().Throw<InvalidBreathPatternException>()
            .Which.Message.Should().Contain("progression.step").And.Contain("9001 steps");
    }

    [Fact]
    public void Build_ProgressionStretchingAPhaseBeyondTenMinutes_Throws()
    {
        var builder = BreathPattern.Create("p").Inhale(TimeSpan.FromSeconds(1)).Exhale(TimeSpan.FromSeconds(100))
            .WithProgression(BreathProgression.Lengthen(TimeSpan.FromSeconds(1), 1, TimeSpan.FromSeconds(10)));

        builder.Invoking(b => b.Build()).Should().Throw<InvalidBreathPatternException>()
            .Which.Message.Should().Contain("phases[1]").And.Contain("1000 s");
    }
}
