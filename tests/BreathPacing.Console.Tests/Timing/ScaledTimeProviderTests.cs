using BreathPacing.ConsoleHost.Timing;
using Microsoft.Extensions.Time.Testing;

namespace BreathPacing.ConsoleHost.Tests.Timing;

public class ScaledTimeProviderTests
{
    private readonly FakeTimeProvider _inner = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Clock_AfterOneInnerSecond_HasAdvancedSpeedSeconds()
    {
        var scaled = new ScaledTimeProvider(_inner, 4);
        var start = scaled.GetTimestamp();
        var utc = scaled.GetUtcNow();

        _inner.Advance(TimeSpan.FromSeconds(1));

        scaled.GetElapsedTime(start).Should().Be(TimeSpan.FromSeconds(4));
        (scaled.GetUtcNow() - utc).Should().Be(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void CreateTimer_DueInScaledTime_FiresAfterTheShorterInnerTimeAndNotBefore()
    {
        var scaled = new ScaledTimeProvider(_inner, 4);
        var fired = 0;
        using var timer = scaled.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(4), Timeout.InfiniteTimeSpan);

        _inner.Advance(TimeSpan.FromMilliseconds(999));
        fired.Should().Be(0);
        _inner.Advance(TimeSpan.FromMilliseconds(1));
        fired.Should().Be(1);
    }

    [Fact]
    public void Change_Period_IsScaledToo()
    {
        var scaled = new ScaledTimeProvider(_inner, 2);
        var fired = 0;
        using var timer = scaled.CreateTimer(_ => fired++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        _inner.Advance(TimeSpan.FromSeconds(3));

        fired.Should().Be(3, "due at 1 s, then every 1 s of inner time");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_SpeedNotPositiveAndFinite_Throws(double speed)
    {
        var create = () => new ScaledTimeProvider(_inner, speed);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("speed");
    }
}
