using System.Globalization;
using CsCheck;

namespace BreathPacing.Tests.Patterns;

public class SessionLengthTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_001)]
    public void Cycles_OutOfRange_ThrowsNamingTheValue(int count)
    {
        var act = () => SessionLength.Cycles(count);

        act.Should().Throw<InvalidSessionLengthException>().Which.Message.Should().Contain("length.cycles").And.Contain(count.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-1, "-1")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(1e9, "1000000000")]
    [InlineData(1e-12, "1E-12")]
    [InlineData(10080.000001, "10080.000001")]
    public void Minutes_OutOfRange_ThrowsNamingMinutesAndTheValueAsGiven(double minutes, string value)
    {
        var error = FluentActions.Invoking(() => SessionLength.Minutes(minutes)).Should().Throw<InvalidSessionLengthException>().Which;

        error.Field.Should().Be("length.minutes");
        error.Value.Should().Be(value);
    }

    [Theory]
    [InlineData(0L, "0 s")]
    [InlineData(-1L, "-0.0000001 s")]
    [InlineData((7 * TimeSpan.TicksPerDay) + 1, "604800.0000001 s")]
    public void Of_OutOfRange_ThrowsShowingTheValueAsGiven(long ticks, string value)
    {
        var error = FluentActions.Invoking(() => SessionLength.Of(TimeSpan.FromTicks(ticks))).Should().Throw<InvalidSessionLengthException>().Which;

        error.Field.Should().Be("length.duration");
        error.Value.Should().Be(value);
        error.Problem.Should().Contain("7 days");
    }

    [Fact]
    public void Choose_BothCyclesAndMinutes_ThrowsALengthError()
    {
        var error = FluentActions.Invoking(() => SessionLength.Choose(BreathingTechniques.ThreePartBreath(), 3, 2.5)).Should().Throw<InvalidSessionLengthException>().Which;

        error.Field.Should().Be("length");
        error.Value.Should().Be("3 cycles and 2.5 minutes");
    }

    [Fact]
    public void LengthAndPatternErrors_ShareABaseCallersCanCatch()
    {
        Action[] invalid =
        [
            () => SessionLength.Cycles(0),
            () => SessionLength.Minutes(-1),
            () => SessionLength.Choose(BreathingTechniques.OceansBreath(), 1, 1),
            () => BreathPattern.Create(""),
        ];

        foreach (var act in invalid)
        {
            act.Should().Throw<BreathValidationException>().Which.Should().BeAssignableTo<ArgumentException>();
        }
    }

    [Fact]
    public void Choose_PicksCyclesThenMinutesThenThePatternsDefaultThenTheFallback()
    {
        var open = BreathingTechniques.ThreePartBreath();
        var tenCycles = open.WithDefaultLength(SessionLength.Cycles(10));

        SessionLength.Choose(open, cycles: 4).Should().Be(SessionLength.Cycles(4));
        SessionLength.Choose(open, minutes: 2).Should().Be(SessionLength.Minutes(2));
        SessionLength.Choose(tenCycles).Should().Be(SessionLength.Cycles(10));
        SessionLength.Choose(open, fallback: SessionLength.Cycles(7)).Should().Be(SessionLength.Cycles(7));
        SessionLength.Choose(open).Should().Be(SessionLength.OpenEnded);
    }

    [Fact]
    public void Minutes_AnyAcceptedValue_IsTheNearestTickAndPositive() =>
        Gen.OneOf(Gen.Double[1e-13, 1e-6], Gen.Double[0, 10_081], Gen.Double).Sample(minutes =>
        {
            SessionLength length;
            try
            {
                length = SessionLength.Minutes(minutes);
            }
            catch (InvalidSessionLengthException error)
            {
                error.Field.Should().Be("length.minutes");
                return;
            }

            length.Duration.Should().BePositive();
            length.Duration.Should().BeLessThanOrEqualTo(PatternLimits.MaximumSessionDuration);
            Math.Abs(length.Duration.Ticks - (minutes * TimeSpan.TicksPerMinute)).Should().BeLessThanOrEqualTo(0.5 + (minutes * TimeSpan.TicksPerMinute * 1e-15));
        }, iter: 5000);

    [Fact]
    public void Factories_DescribeTheirLength()
    {
        SessionLength.Cycles(5).Should().Match<SessionLength>(l => l.Kind == SessionLengthKind.Cycles && l.CycleCount == 5);
        SessionLength.Minutes(1.5).Duration.Should().Be(TimeSpan.FromSeconds(90));
        SessionLength.OpenEnded.Kind.Should().Be(SessionLengthKind.OpenEnded);
        SessionLength.Cycles(5).Should().Be(SessionLength.Cycles(5));
        SessionLength.Of(TimeSpan.FromTicks(99_999)).ToString().Should().Be("0.0099999 s");
    }
}
