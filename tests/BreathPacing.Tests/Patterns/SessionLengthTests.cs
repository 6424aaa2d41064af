
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

        act.Should().Throw<InvalidBreathPatternException>().Which.Message.Should().Contain("length.cycles").And.Contain(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(1e9)]
    public void Minutes_OutOfRange_Throws(double minutes)
    {
        var act = () => SessionLength.Minutes(minutes);

        act.Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be("length.minutes");
    }

    [Fact]
    public void Of_ZeroDuration_Throws()
    {
        var act = () => SessionLength.Of(TimeSpan.Zero);

        act.Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be("length.duration");
    }

    [Fact]
    public void Factories_DescribeTheirLength()
    {
        SessionLength.Cycles(5).Should().Match<SessionLength>(l => l.Kind == SessionLengthKind.Cycles && l.CycleCount == 5);
        SessionLength.Minutes(1.5).Duration.Should().Be(TimeSpan.FromSeconds(90));
        SessionLength.OpenEnded.Kind.Should().Be(SessionLengthKind.OpenEnded);
        SessionLength.Cycles(5).Should().Be(SessionLength.Cycles(5));
    }
}
