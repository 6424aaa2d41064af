using BreathPacing.Engine;
using BreathPacing.Patterns;
using BreathPacing.Safety;
using BreathPacing.Serialization;
using BreathPacing.Techniques;
using BreathPacing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.Tests.Safety;

/// <summary>The engine's opt-in strict mode: <see cref="BreathPacingOptions.StrictSafety"/>.</summary>
public class StrictSafetyTests
{
    private static readonly BreathPattern Rushed = BreathNotation.Parse("1-1", "rushed");

    [Fact]
    public void Pace_StrictWithUnsafePattern_ThrowsBeforeAnySession()
    {
        var time = new VirtualTime();
        var pacer = new BreathPacer(new BreathPacingOptions { StrictSafety = true, Scheduler = time.Scheduler });

        FluentActions.Invoking(() => pacer.Pace(Rushed, SessionLength.Cycles(1)))
            .Should().Throw<UnsafeBreathPatternException>().Which.Warnings.Select(w => w.Code).Should().Contain(SafetyCodes.BreathRateHigh);
        FluentActions.Invoking(() => pacer.Pace(Rushed, SessionLength.Cycles(1), time.Scheduler)).Should().Throw<UnsafeBreathPatternException>();
    }

    [Fact]
    public void Start_StrictWithUnsafePattern_Throws()
    {
        var time = new VirtualTime();
        var pacer = new BreathPacer(new BreathPacingOptions { StrictSafety = true });

        FluentActions.Invoking(() => pacer.Start(Rushed, SessionLength.Cycles(1), time.Scheduler)).Should().Throw<UnsafeBreathPatternException>();
    }

    [Fact]
    public void Pace_NotStrict_RunsTheSamePattern()
    {
        var time = new VirtualTime();
        var pacer = new BreathPacer(new BreathPacingOptions { SafetyProfile = SafetyProfile.Gentle });

        using var recorder = time.Record(pacer.Pace(Rushed, SessionLength.Cycles(2), time.Scheduler));
        time.AdvanceBySeconds(10);

        recorder.CompletedAt.Should().Be(TimeSpan.FromSeconds(4), "without strict mode the engine never refuses a valid pattern");
    }

    [Fact]
    public void Pace_StrictWithBuiltInTechniques_Runs()
    {
        var time = new VirtualTime();
        var pacer = new BreathPacer(new BreathPacingOptions { StrictSafety = true });

        using var recorder = time.Record(pacer.Pace(BreathingTechniques.OceansBreath(), SessionLength.Cycles(1), time.Scheduler));
        using var session = pacer.Start(BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true }), SessionLength.Cycles(1), time.Scheduler);
        time.AdvanceBySeconds(20);

        recorder.CompletedAt.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Pace_StrictWithCustomProfile_UsesIt()
    {
        var pacer = new BreathPacer(new BreathPacingOptions { StrictSafety = true, SafetyProfile = SafetyProfile.Gentle with { MaximumHold = TimeSpan.FromSeconds(5) } });

        FluentActions.Invoking(() => pacer.Pace(BreathNotation.Parse("4-7-8"))).Should().Throw<UnsafeBreathPatternException>()
            .Which.Warnings.Should().ContainSingle().Which.Message.Should().Contain("limit of 5 s");
        FluentActions.Invoking(() => new BreathPacer(new BreathPacingOptions { StrictSafety = true }).Pace(BreathNotation.Parse("4-7-8")))
            .Should().NotThrow("the gentle profile accepts a 7 s hold");
    }

    [Fact]
    public void Options_ChangedAfterThePacerIsMade_DoNotApply()
    {
        var options = new BreathPacingOptions();
        var pacer = new BreathPacer(options);
        options.StrictSafety = true;

        FluentActions.Invoking(() => pacer.Pace(Rushed)).Should().NotThrow();
    }

    [Fact]
    public void AddBreathPacing_StrictSafetyConfigured_PacerRefusesUnsafePatterns()
    {
        using var provider = new ServiceCollection().AddBreathPacing(o => o.StrictSafety = true).BuildServiceProvider();

        var pacer = provider.GetRequiredService<IBreathPacer>();

        FluentActions.Invoking(() => pacer.Pace(Rushed)).Should().Throw<UnsafeBreathPatternException>();
    }
}
