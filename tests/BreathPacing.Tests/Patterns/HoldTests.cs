namespace BreathPacing.Tests.Patterns;

/// <summary>
/// One model of holds (ADR 0009): a hold keeps what the nearest earlier breath (round the cycle) left, so its kind
/// must match that breath; a 0 s hold means "no hold" and is left out; a hold moves no air, so it has no airway;
/// like any phase it may have segments, during which every region stays as full as it was.
/// </summary>
public class HoldTests
{
    private static readonly TimeSpan Four = TimeSpan.FromSeconds(4);

    [Fact]
    public void ZeroHold_IsLeftOut()
    {
        var withZeros = BreathPattern.Create("p").Inhale(Four).HoldAfterInhale(TimeSpan.Zero).Exhale(Four).HoldAfterExhale(TimeSpan.Zero).Build();
        var generic = BreathPattern.Create("p").Inhale(Four).Phase(BreathPhaseKind.HoldAfterInhale, TimeSpan.Zero).Exhale(Four).Build();

        withZeros.Should().Be(BreathPattern.Create("p").Inhale(Four).Exhale(Four).Build());
        generic.Phases.Should().HaveCount(2);
    }

    [Fact]
    public void ZeroHold_DoesNotShiftTheIndexOfLaterPhasesInErrors()
    {
        var error = FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four).HoldAfterInhale(TimeSpan.Zero).Exhale(TimeSpan.FromSeconds(700)))
            .Should().Throw<InvalidBreathPatternException>().Which;

        error.Field.Should().Be("phases[1].duration", "the 0 s hold is not a phase of the pattern");
    }

    [Fact]
    public void ZeroHold_WithACueKeyOrSegments_IsRefused()
    {
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four).HoldAfterInhale(TimeSpan.Zero, cueKey: "hold"))
            .Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be("phases[1].cueKey");
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four).HoldAfterInhale(TimeSpan.Zero, segments: s => s.Add("chest", 1)))
            .Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be("phases[1].segments");
    }

    [Theory]
    [InlineData(BreathPhaseKind.Inhale)]
    [InlineData(BreathPhaseKind.Exhale)]
    public void ZeroBreath_IsRefused(BreathPhaseKind kind)
    {
        FluentActions.Invoking(() => BreathPattern.Create("p").Phase(kind, TimeSpan.Zero))
            .Should().Throw<InvalidBreathPatternException>().Which.Problem.Should().Contain("0.01 s");
    }

    [Fact]
    public void Hold_OfTheOppositeKind_IsRefusedAtOnce()
    {
        var builder = BreathPattern.Create("p").Inhale(Four).Exhale(Four);

        var error = builder.Invoking(b => b.HoldAfterInhale(Four)).Should().Throw<InvalidBreathPatternException>().Which;

        error.Field.Should().Be("phases[2].kind");
        error.Problem.Should().Contain("phases[1]").And.Contain("exhale").And.Contain("HoldAfterExhale");
        builder.HoldAfterExhale(Four).Build().Phases.Should().HaveCount(3, "the refused call left the builder as it was");
    }

    [Fact]
    public void LeadingHold_OfTheOppositeKind_IsRefusedByBuild()
    {
        // A hold before the cycle's first breath keeps what the cycle's last breath left (round the cycle).
        var builder = BreathPattern.Create("p").HoldAfterInhale(Four).Inhale(Four).Exhale(Four);

        builder.Invoking(b => b.Build()).Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be("phases[0].kind");
        BreathPattern.Create("p").HoldAfterExhale(Four).Inhale(Four).Exhale(Four).Build().Phases[0].Kind.Should().Be(BreathPhaseKind.HoldAfterExhale);
    }

    [Fact]
    public void Holds_AfterRepeatedBreaths_FollowTheNearestBreath()
    {
        var pattern = BreathPattern.Create("p").Inhale(Four).HoldAfterInhale(Four).HoldAfterInhale(Four).Inhale(Four).Exhale(Four).HoldAfterExhale(Four).Build();

        pattern.Phases.Should().HaveCount(6);
    }

    [Fact]
    public void Hold_WithAnAirway_IsRefused()
    {
        FluentActions.Invoking(() => BreathPattern.Create("p").Inhale(Four).Phase(BreathPhaseKind.HoldAfterInhale, Four, Airway.Nose))
            .Should().Throw<InvalidBreathPatternException>().Which.Field.Should().Be("phases[1].airway");
    }

    [Fact]
    public void HoldMethods_TakeSegments_AndRegionsStayLevelThroughThem()
    {
        var pattern = BreathPattern.Create("p")
            .Inhale(Four, segments: s => s.AddEqual("belly", "chest"))
            .HoldAfterInhale(Four, "hold", s => s.Add("belly", 0.5, "hold.belly").Add("chest", 0.5, "hold.chest"))
            .Exhale(Four)
            .HoldAfterExhale(Four, segments: s => s.AddEqual("chest", "belly"))
            .Build();

        pattern.Phases[1].Segments.Select(s => s.CueKey).Should().Equal("hold.belly", "hold.chest");
        var timeline = new BreathTimeline(pattern);
        foreach (var seconds in new[] { 4.0, 5, 7, 7.99 })
        {
            var position = timeline.At(TimeSpan.FromSeconds(seconds));
            position.FillOf("belly").Should().Be(1);
            position.FillOf("chest").Should().Be(1);
        }

        timeline.At(TimeSpan.FromSeconds(13)).FillOf("chest").Should().Be(0);
    }
}
