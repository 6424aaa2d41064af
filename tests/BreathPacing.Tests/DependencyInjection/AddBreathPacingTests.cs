using System.Reactive.Concurrency;
using BreathPacing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using BreathPacing.Scheduling;

namespace BreathPacing.Tests.DependencyInjection;

public class AddBreathPacingTests
{
    [Fact]
    public void AddBreathPacing_RegistersASingletonPacerOnTheSharedTimerWheel()
    {
        using var provider = new ServiceCollection().AddBreathPacing().BuildServiceProvider();

        var pacer = provider.GetRequiredService<IBreathPacer>();

        pacer.Should().BeSameAs(provider.GetRequiredService<IBreathPacer>());
        pacer.DefaultScheduler.Should().BeSameAs(TimerWheelScheduler.Shared); // ADR 0002
    }

    [Fact]
    public void AddBreathPacing_CalledTwice_RegistersOnePacer()
    {
        var services = new ServiceCollection().AddBreathPacing().AddBreathPacing();

        services.Count(d => d.ServiceType == typeof(IBreathPacer)).Should().Be(1);
    }

    [Fact]
    public void AddBreathPacing_UsesASchedulerFromTheContainer()
    {
        var time = new VirtualTime();
        using var provider = new ServiceCollection().AddSingleton<IScheduler>(time.Scheduler).AddBreathPacing().BuildServiceProvider();

        provider.GetRequiredService<IBreathPacer>().DefaultScheduler.Should().BeSameAs(time.Scheduler);
    }

    [Fact]
    public void AddBreathPacing_UsesATimeProviderFromTheContainer()
    {
        var clock = new FakeTimeProvider();
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddBreathPacing().BuildServiceProvider();

        provider.GetRequiredService<IBreathPacer>().DefaultScheduler.Should().BeOfType<TimeProviderScheduler>().Which.TimeProvider.Should().BeSameAs(clock);
    }

    [Fact]
    public void AddBreathPacing_AppliesEveryConfigurationInOrder()
    {
        var time = new VirtualTime();
        using var provider = new ServiceCollection()
            .AddBreathPacing(o => o.LateWakePolicy = LateWakePolicy.ReplayMissed)
            .AddBreathPacing(o => o.Scheduler = time.Scheduler)
            .BuildServiceProvider();

        var pacer = provider.GetRequiredService<IBreathPacer>().Should().BeOfType<BreathPacer>().Which;
        pacer.LateWakePolicy.Should().Be(LateWakePolicy.ReplayMissed);
        pacer.DefaultScheduler.Should().BeSameAs(time.Scheduler);
    }

    [Fact]
    public void AddBreathPacing_InvalidOptions_FailOnResolveNamingTheOption()
    {
        using var provider = new ServiceCollection().AddBreathPacing(o => o.LateWakeThreshold = TimeSpan.FromSeconds(-1)).BuildServiceProvider();

        provider.Invoking(p => p.GetRequiredService<IBreathPacer>()).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*LateWakeThreshold*");
    }
}
