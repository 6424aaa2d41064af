
namespace BreathPacing.Tests.Patterns;

public class BreathPatternBuilderTests
{
    private static readonly TimeSpan Four = TimeSpan.FromSeconds(4);

    private static BreathPatternBuilder CreateSut(string name = "calm") => BreathPattern.Create(name);

    [Fact]
    public void Build_ValidPattern_KeepsPhasesInOrderWithTheirDetails()
    {
        var pattern = CreateSut()
            .Inhale(Four, Airway.Nose, "in")
            .HoldAfterInhale(TimeSpan.FromSeconds(7))
            .Exhale(TimeSpan.FromSeconds(8), Airway.Mouth, "out", s => s.Add("chest", 0.25).Add("belly", 0.75, "belly-cue"))
            .HoldAfterExhale(TimeSpan.FromSeconds(1))
            .Build();

        pattern.Name.Should().Be("calm");
        pattern.Phases.Select(p => p.Kind).Should().Equal(BreathPhaseKind.Inhale, BreathPhaseKind.HoldAfterInhale, BreathPhaseKind.Exhale, BreathPhaseKind.HoldAfterExhale);
        pattern.Phases[0].Airway.Should().Be(Airway.Nose);
        pattern.Phases[0].CueKey.Should().Be("in");
        pattern.Phases[2].Segments.Select(s => (s.Region, s.Share, s.CueKey)).Should().Equal(("chest", 0.25, null), ("belly", 0.75, "belly-cue"));
        pattern.CycleDuration.Should().Be(TimeSpan.FromSeconds(20));
        pattern.InhaleDuration.Should().Be(Four);
        pattern.ExhaleDuration.Should().Be(TimeSpan.FromSeconds(8));
        pattern.DefaultLength.Should().Be(SessionLength.OpenEnded);
    }

    [Fact]
    public void Build_DoubleInhaleWithoutHolds_IsAllowed()
    {
        var pattern = CreateSut().Inhale(TimeSpan.FromSeconds(2)).Inhale(TimeSpan.FromSeconds(1)).Exhale(TimeSpan.FromSeconds(6)).Build();

        pattern.Phases.Select(p => p.Kind).Should().Equal(BreathPhaseKind.Inhale, BreathPhaseKind.Inhale, BreathPhaseKind.Exhale);
    }

    [Fact]
    public void Build_SamePatternTwice_IsEqualWithEqualHashCodes()
    {
        BreathPattern Make() => CreateSut().Inhale(Four, segments: s => s.AddEqual("a", "b")).Exhale(Four).WithDefaultLength(SessionLength.Cycles(3)).Build();

        var a = Make();
        var b = Make();

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(CreateSut().Inhale(Four, segments: s => s.AddEqual("a", "c")).Exhale(Four).WithDefaultLength(SessionLength.Cycles(3)).Build());
        a.Should().NotBe(CreateSut().Inhale(Four, segments: s => s.AddEqual("a", "b")).Exhale(Four).Build());
    }

    [Fact]
    public void Build_CalledTwice_ReturnsTheSameInstance()
    {
        var builder = CreateSut().Inhale(Four).Exhale(Four);

        builder.Build().Should().BeSameAs(builder.Build());
    }

    [Fact]
    public void AnyChange_AfterBuild_Throws()
    {
        var builder = CreateSut().Inhale(Four).Exhale(Four);
        var pattern = builder.Build();

        builder.Invoking(b => b.Inhale(Four)).Should().Throw<InvalidOperationException>().WithMessage("*already built*");
        builder.Invoking(b => b.WithDefaultLength(SessionLength.Cycles(2))).Should().Throw<InvalidOperationException>();
        builder.Invoking(b => b.WithProgression(BreathProgression.Lengthen(Four, 1, TimeSpan.FromSeconds(8)))).Should().Throw<InvalidOperationException>();
        pattern.Phases.Should().HaveCount(2);
    }

    public static TheoryData<string, Func<BreathPatternBuilder>, string, string> InvalidInputs => new()
    {
        { "empty name", () => BreathPattern.Create(""), "name", "\"\"" },
        { "blank name", () => BreathPattern.Create("   "), "name", "\"   \"" },
        { "long name", () => BreathPattern.Create(new string('x', 201)), "name", "201 characters" },
        { "zero duration", () => BreathPattern.Create("p").Inhale(TimeSpan.Zero), "phases[0].duration", "0 s" },
        { "negative duration", () => BreathPattern.Create("p").Inhale(Four).Exhale(TimeSpan.FromSeconds(-3)), "phases[1].duration", "-3 s" },
        { "absurd duration", () => BreathPattern.Create("p").Inhale(TimeSpan.FromMinutes(11)), "phases[0].duration", "660 s" },
        { "tiny duration", () => BreathPattern.Create("p").Inhale(TimeSpan.FromMilliseconds(1)), "phases[0].duration", "0.001 s" },
        { "max duration", () => BreathPattern.Create("p").HoldAfterInhale(TimeSpan.MaxValue), "phases[0].duration", "922337203685.4775807 s" },
        { "a tick short of the minimum", () => BreathPattern.Create("p").Inhale(TimeSpan.FromTicks(99_999)), "phases[0].duration", "= 0.0099999 s" },
        { "a tick over the maximum", () => BreathPattern.Create("p").Inhale(TimeSpan.FromMinutes(10) + TimeSpan.FromTicks(1)), "phases[0].duration", "= 600.0000001 s" },
        { "hold a tick over the maximum", () => BreathPattern.Create("p").Inhale(Four).HoldAfterInhale(TimeSpan.FromMinutes(10) + TimeSpan.FromTicks(1)), "phases[1].duration", "= 600.0000001 s" },
        { "shares an eighth short", () => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add("a", 0.5).Add("b", 0.375)), "phases[0].segments", "= shares summing to 0.875:" },
        { "blank segment cue key", () => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add("a", 1, "  ")), "phases[0].segments[0].cueKey", "\"  \"" },
        { "shares short of the phase", () => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add("a", 0.5).Add("b", 0.4)), "phases[0].segments", "0.9" },
        { "shares over the phase", () => BreathPattern.Create("p").Inhale(Four).Exhale(Four, segments: s => s.Add("a", 0.7).Add("b", 0.7)), "phases[1].segments", "1.4" },
        { "duplicate segment", () => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add("chest", 0.5).Add("chest", 0.5)), "phases[0].segments[1].region", "\"chest\"" },
        { "empty segment id", () => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add("", 1)), "phases[0].segments[0].region", "\"\"" },
        { "NaN share", () => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add("a", double.NaN)), "phases[0].segments[0].share", "NaN" },
        { "zero share", () => BreathPattern.Create("p").Inhale(Four, segments: s => s.Add("a", 0)), "phases[0].segments[0].share", "0" },
        { "undefined kind", () => BreathPattern.Create("p").Phase((BreathPhaseKind)9, Four), "phases[0].kind", "9" },
        { "undefined airway", () => BreathPattern.Create("p").Inhale(Four, (Airway)7), "phases[0].airway", "7" },
        { "blank cue key", () => BreathPattern.Create("p").Inhale(Four, cueKey: " "), "phases[0].cueKey", "\" \"" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Build_InvalidInput_ThrowsNamingFieldAndValue(string because, Func<BreathPatternBuilder> act, string field, string value)
    {
        var thrown = act.Invoking(a => a().Build()).Should().Throw<InvalidBreathPatternException>(because).Which;

        thrown.Field.Should().Be(field);
        thrown.Message.Should().Contain(field).And.Contain(value);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("inhale only")]
    [InlineData("exhale only")]
    public void Build_WithoutAnInhaleAndAnExhale_Throws(string shape)
    {
        var builder = CreateSut();
        if (shape == "inhale only")
        {
            builder.Inhale(Four).HoldAfterInhale(Four);
        }
        else if (shape == "exhale only")
        {
            builder.Exhale(Four);
        }

        builder.Invoking(b => b.Build()).Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be("phases");
    }

    [Fact]
    public void RejectedPhase_LeavesTheBuilderAsItWas()
    {
        var builder = CreateSut().Inhale(Four);

        builder.Invoking(b => b.Exhale(Four, segments: s => s.Add("a", 0.3))).Should().Throw<InvalidBreathPatternException>();
        builder.Invoking(b => b.Exhale(TimeSpan.Zero)).Should().Throw<InvalidBreathPatternException>();

        var pattern = builder.Exhale(TimeSpan.FromSeconds(6)).Build();
        pattern.Phases.Should().HaveCount(2);
        pattern.Phases[1].Duration.Should().Be(TimeSpan.FromSeconds(6));
    }

    [Fact]
    public void Phase_BeyondTheMaximumCount_Throws()
    {
        var builder = CreateSut();
        for (var i = 0; i < PatternLimits.MaximumPhases; i++)
        {
            builder.Inhale(TimeSpan.FromSeconds(1));
        }

        builder.Invoking(b => b.Exhale(Four)).Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be("phases");
    }

    [Fact]
    public void AddEqual_SplitsThePhaseIntoEqualShares()
    {
        var pattern = CreateSut().Inhale(TimeSpan.FromSeconds(3), segments: s => s.AddEqual("a", "b", "c")).Exhale(Four).Build();

        pattern.Phases[0].Segments.Should().HaveCount(3).And.OnlyContain(s => Math.Abs(s.Share - (1.0 / 3)) < 1e-12);
    }
}
