using BreathPacing.Safety;
using BreathPacing.Serialization;
using BreathPacing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.Tests.Safety;

/// <summary>Refusing unsafe patterns is a separate step: <see cref="SafeBreathPacer"/> around any pacer.</summary>
public class StrictSafetyTests
{
    private static readonly BreathPattern Rushed = BreathNotation.Parse("1-1", "rushed");

    [Fact]
    public void Pace_SafePacerWithUnsafePattern_ThrowsBeforeAnySession()
    {
        var time = new VirtualTime();
        var pacer = new SafeBreathPacer(new BreathPacer(new BreathPacingOptions { Scheduler = time.Scheduler }));

        FluentActions.Invoking(() => pacer.Pace(Rushed, SessionLength.Cycles(1)))
            .Should().Throw<UnsafeBreathPatternException>().Which.Warnings.Select(w => w.Code).Should().Contain(SafetyCodes.BreathRateHigh);
        FluentActions.Invoking(() => pacer.Pace(Rushed, SessionLength.Cycles(1), time.Scheduler)).Should().Throw<UnsafeBreathPatternException>();
        time.Elapsed.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Start_SafePacerWithUnsafePattern_Throws()
    {
        var time = new VirtualTime();
        var pacer = new SafeBreathPacer(new BreathPacer());

        FluentActions.Invoking(() => pacer.Start(Rushed, SessionLength.Cycles(1), time.Scheduler)).Should().Throw<UnsafeBreathPatternException>();
    }

    [Fact]
    public void Pace_PlainPacer_RunsTheSamePattern()
    {
        var time = new VirtualTime();
        var pacer = new BreathPacer();

        using var recorder = time.Record(pacer.Pace(Rushed, SessionLength.Cycles(2), time.Scheduler));
        time.AdvanceBySeconds(10);

        recorder.CompletedAt.Should().Be(TimeSpan.FromSeconds(4), "without the safety step the engine never refuses a valid pattern");
    }

    [Fact]
    public void Pace_SafePacerWithBuiltInTechniques_Runs()
    {
        var time = new VirtualTime();
        var pacer = new SafeBreathPacer(new BreathPacer());

        using var recorder = time.Record(pacer.Pace(BreathingTechniques.OceansBreath(), SessionLength.Cycles(1), time.Scheduler));
        using var session = pacer.Start(BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true }), SessionLength.Cycles(1), time.Scheduler);
        time.AdvanceBySeconds(20);

        recorder.CompletedAt.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Pace_SafePacerWithCustomProfile_UsesIt()
    {
        var pacer = new SafeBreathPacer(new BreathPacer(), SafetyProfile.Gentle with { MaximumHold = TimeSpan.FromSeconds(5) });

        FluentActions.Invoking(() => pacer.Pace(BreathNotation.Parse("4-7-8"))).Should().Throw<UnsafeBreathPatternException>()
            .Which.Warnings.Should().ContainSingle().Which.Message.Should().Contain("limit of 5 s");
        FluentActions.Invoking(() => new SafeBreathPacer(new BreathPacer()).Pace(BreathNotation.Parse("4-7-8")))
            .Should().NotThrow("the gentle profile accepts a 7 s hold");
    }

    [Fact]
    public void AddStrictBreathSafety_PacerRefusesUnsafePatterns()
    {
        using var provider = new ServiceCollection().AddBreathPacing().AddStrictBreathSafety().BuildServiceProvider();

        var pacer = provider.GetRequiredService<IBreathPacer>();

        pacer.Should().BeOfType<SafeBreathPacer>().Which.Profile.Should().Be(SafetyProfile.Gentle);
        FluentActions.Invoking(() => pacer.Pace(Rushed)).Should().Throw<UnsafeBreathPatternException>();
    }

    [Fact]
    public void AddBreathPacing_WithoutStrictSafety_PacerRunsAnyValidPattern()
    {
        using var provider = new ServiceCollection().AddBreathPacing().BuildServiceProvider();

        FluentActions.Invoking(() => provider.GetRequiredService<IBreathPacer>().Pace(Rushed)).Should().NotThrow();
    }
}
