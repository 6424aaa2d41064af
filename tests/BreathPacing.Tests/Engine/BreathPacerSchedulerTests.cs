using System.Reactive.Concurrency;
using Microsoft.Extensions.Time.Testing;
using BreathPacing.Scheduling;

namespace BreathPacing.Tests.Engine;

public class BreathPacerSchedulerTests
{
    [Fact]
    public void DefaultScheduler_NoOptions_IsTheSharedTimerWheel()
    {
        new BreathPacer().DefaultScheduler.Should().BeSameAs(TimerWheelScheduler.Shared);
    }

    [Fact]
    public void DefaultScheduler_SystemTimeProvider_IsTheSharedTimerWheel()
    {
        new BreathPacer(new BreathPacingOptions { TimeProvider = TimeProvider.System }).DefaultScheduler.Should().BeSameAs(TimerWheelScheduler.Shared);
    }

    [Fact]
    public void DefaultScheduler_FakeTimeProvider_RunsOnThatProvider()
    {
        var fake = new FakeTimeProvider();

        var scheduler = new BreathPacer(new BreathPacingOptions { TimeProvider = fake }).DefaultScheduler;

        scheduler.Should().BeOfType<TimeProviderScheduler>().Which.TimeProvider.Should().BeSameAs(fake);
    }

    [Fact]
    public void DefaultScheduler_SchedulerOption_WinsOverEverything()
    {
        var pacer = new BreathPacer(new BreathPacingOptions { Scheduler = DefaultScheduler.Instance, TimeProvider = new FakeTimeProvider() });

        pacer.DefaultScheduler.Should().BeSameAs(DefaultScheduler.Instance);
    }
}
