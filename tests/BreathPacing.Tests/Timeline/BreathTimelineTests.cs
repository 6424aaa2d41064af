
namespace BreathPacing.Tests.Timeline;

public class BreathTimelineTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static BreathTimeline ThreePart(SessionLength? length = null) => new(BreathingTechniques.ThreePartBreath(), length);

    [Fact]
    public void At_Start_IsTheFirstSegmentOfTheFirstInhaleWithEmptyLungs()
    {
        var position = ThreePart().At(TimeSpan.Zero);

        position.CycleIndex.Should().Be(0);
        position.PhaseKind.Should().Be(BreathPhaseKind.Inhale);
        position.Segment!.Region.Should().Be(BodyRegions.LowerBelly);
        position.PhaseProgress.Should().Be(0);
        position.LungVolume.Should().Be(0);
        position.IsComplete.Should().BeFalse();
    }

    [Fact]
    public void At_MidInhale_ReportsSegmentAndVolumeProgress()
    {
        var position = ThreePart().At(S(2));

        position.Segment!.Region.Should().Be(BodyRegions.UpperBelly);
        position.SegmentProgress.Should().BeApproximately(0.5, 1e-9);
        position.PhaseProgress.Should().Be(0.5);
        position.LungVolume.Should().Be(0.5);
        position.PhaseRemaining.Should().Be(S(2));
    }

    [Fact]
    public void At_ExactlyOnABoundary_IsTheStartOfTheNextPhase()
    {
        var timeline = ThreePart();

        var exhale = timeline.At(S(4));
        exhale.PhaseKind.Should().Be(BreathPhaseKind.Exhale);
        exhale.PhaseStart.Should().Be(S(4));
        exhale.PhaseProgress.Should().Be(0);
        exhale.Segment!.Region.Should().Be(BodyRegions.Chest);
        exhale.LungVolume.Should().Be(1);

        var justBefore = timeline.At(S(4) - TimeSpan.FromTicks(1));
        justBefore.PhaseKind.Should().Be(BreathPhaseKind.Inhale);
        justBefore.Segment!.Region.Should().Be(BodyRegions.Chest);

        var nextCycle = timeline.At(S(8));
        nextCycle.CycleIndex.Should().Be(1);
        nextCycle.PhaseIndex.Should().Be(0);
        nextCycle.LungVolume.Should().Be(0);
    }

    [Fact]
    public void At_DuringHolds_KeepsTheLungVolumeLevel()
    {
        var timeline = new BreathTimeline(BreathPattern.Create("4-7-8").Inhale(S(4)).HoldAfterInhale(S(7)).Exhale(S(8)).HoldAfterExhale(S(2)).Build());

        timeline.At(S(5)).LungVolume.Should().Be(1);
        timeline.At(S(10.9)).LungVolume.Should().Be(1);
        timeline.At(S(15)).LungVolume.Should().Be(0.5);
        timeline.At(S(20)).LungVolume.Should().Be(0);
        timeline.At(S(20)).PhaseKind.Should().Be(BreathPhaseKind.HoldAfterExhale);
        timeline.At(S(20)).SegmentIndex.Should().Be(-1);
    }

    [Fact]
    public void At_PatternStartingWithAnExhale_KeepsTheVolumeWithinZeroAndOne()
    {
        var timeline = new BreathTimeline(BreathPattern.Create("out first").Exhale(S(4)).Inhale(S(4)).Build());

        timeline.At(TimeSpan.Zero).LungVolume.Should().Be(1);
        timeline.At(S(4)).LungVolume.Should().Be(0);
        timeline.At(S(8)).LungVolume.Should().Be(1);
    }

    [Fact]
    public void At_AtOrAfterTheEnd_IsComplete()
    {
        var timeline = ThreePart(SessionLength.Cycles(2));

        timeline.TotalDuration.Should().Be(S(16));
        timeline.At(S(16) - TimeSpan.FromTicks(1)).IsComplete.Should().BeFalse();
        var end = timeline.At(S(16));
        end.IsComplete.Should().BeTrue();
        end.CycleIndex.Should().Be(1);
        end.PhaseKind.Should().Be(BreathPhaseKind.Exhale);
        end.PhaseProgress.Should().Be(1);
        end.SessionProgress.Should().Be(1);
        end.LungVolume.Should().Be(0);
        timeline.At(S(100)).Should().Be(end);
    }

    [Fact]
    public void At_NegativeElapsed_Throws()
    {
        ThreePart().Invoking(t => t.At(S(-1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("elapsed");
    }

    [Theory]
    [InlineData(0.25, 2, 16)]   // 15 s → rounded up to two whole 8 s cycles
    [InlineData(1, 8, 64)]      // 60 s → 64 s
    [InlineData(0.1, 1, 8)]
    public void TimedSession_RoundsUpToAWholeCycle(double minutes, int cycles, double seconds)
    {
        var timeline = ThreePart(SessionLength.Minutes(minutes));

        timeline.TotalCycles.Should().Be(cycles);
        timeline.TotalDuration.Should().Be(S(seconds));
    }

    [Fact]
    public void TimedSession_BeyondTheCycleCapForCountedSessions_RunsAtLeastTheAskedTime()
    {
        // 20 ms cycles for 10 hours: 1,800,000 cycles, more than SessionLength.Cycles accepts, still exactly honoured.
        var pattern = BreathPattern.Create("fast").Inhale(TimeSpan.FromMilliseconds(10)).Exhale(TimeSpan.FromMilliseconds(10)).Build();

        var timeline = new BreathTimeline(pattern, SessionLength.Of(TimeSpan.FromHours(10)));

        timeline.TotalDuration.Should().Be(TimeSpan.FromHours(10));
        timeline.TotalCycles.Should().Be(1_800_000);
        timeline.At(TimeSpan.FromHours(10) - TimeSpan.FromTicks(1)).IsComplete.Should().BeFalse();
        timeline.At(TimeSpan.FromHours(10)).CycleIndex.Should().Be(1_799_999);
    }

    [Fact]
    public void TimedSession_TheLongestOfTheShortestCycles_IsHonoured()
    {
        var pattern = BreathPattern.Create("fast").Inhale(TimeSpan.FromMilliseconds(10)).Exhale(TimeSpan.FromMilliseconds(10)).Build();

        var timeline = new BreathTimeline(pattern, SessionLength.Of(PatternLimits.MaximumSessionDuration));

        timeline.TotalDuration.Should().Be(PatternLimits.MaximumSessionDuration);
        timeline.TotalCycles.Should().Be(30_240_000);
    }

    [Fact]
    public void OpenEnded_AtTheLatestInstant_IsNotComplete()
    {
        // 64 phases of 10 minutes: a cycle long enough that TimeSpan.MaxValue is still a countable cycle.
        var builder = BreathPattern.Create("long");
        for (var i = 0; i < 32; i++)
        {
            builder.Inhale(TimeSpan.FromMinutes(10)).Exhale(TimeSpan.FromMinutes(10));
        }

        var position = new BreathTimeline(builder.Build()).At(TimeSpan.MaxValue);

        position.IsComplete.Should().BeFalse();
        position.SessionProgress.Should().Be(0);
        position.Elapsed.Should().Be(TimeSpan.MaxValue);
        position.CycleIndex.Should().BePositive();
    }

    [Fact]
    public void OpenEnded_BeyondTheLastCountableCycle_ThrowsNamingElapsed()
    {
        var error = ThreePart().Invoking(t => t.At(TimeSpan.MaxValue)).Should().Throw<ArgumentOutOfRangeException>().Which;

        error.ParamName.Should().Be("elapsed");
        error.Message.Should().Contain("2147483647");
        ThreePart().Invoking(t => t.EnumerateBoundaries(TimeSpan.MaxValue)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("after");
        ThreePart(SessionLength.Cycles(2)).EnumerateBoundaries(TimeSpan.MaxValue).Should().BeEmpty("a finite session has ended by then");
    }

    [Fact]
    public void DefaultPosition_EveryMemberIsSafe()
    {
        var position = default(BreathPosition);

        position.Phase.Should().BeNull();
        position.PhaseKind.Should().Be(BreathPhaseKind.Inhale);
        position.PhaseIndex.Should().Be(-1);
        position.SegmentIndex.Should().Be(-1);
        position.Segment.Should().BeNull();
        position.PhaseProgress.Should().Be(0);
        position.PhaseElapsed.Should().Be(TimeSpan.Zero);
        position.PhaseRemaining.Should().Be(TimeSpan.Zero);
        position.Regions.Should().BeEmpty();
        position.FillOf(BodyRegions.Chest).Should().Be(0);
        position.IsComplete.Should().BeFalse();
        position.Should().Be(default(BreathPosition));
        position.Should().NotBe(ThreePart().At(TimeSpan.Zero));
        position.ToString().Should().NotBeNullOrEmpty();
        position.GetHashCode().Should().Be(default(BreathPosition).GetHashCode());
        foreach (var property in typeof(BreathPosition).GetProperties())
        {
            FluentActions.Invoking(() => property.GetValue(position)).Should().NotThrow(property.Name);
        }
    }

    [Fact]
    public void OpenEnded_HasNoEnd()
    {
        var timeline = ThreePart();

        timeline.TotalCycles.Should().BeNull();
        timeline.TotalDuration.Should().BeNull();
        timeline.At(TimeSpan.FromDays(3)).IsComplete.Should().BeFalse();
        timeline.At(TimeSpan.FromDays(3)).SessionProgress.Should().Be(0);
    }

    [Fact]
    public void Progression_LengthensBetweenCyclesKeepingTheRatio()
    {
        var pattern = BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true, StartSeconds = 4, TargetSeconds = 10, StepSeconds = 1, CyclesPerStep = 3 });
        var timeline = new BreathTimeline(pattern, SessionLength.Cycles(30));

        var inhales = Enumerable.Range(0, 30).Select(c => timeline.PhaseDuration(c, 0).TotalSeconds).ToArray();
        inhales.Should().Equal(4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        Enumerable.Range(0, 30).Should().OnlyContain(c => timeline.PhaseDuration(c, 1) == timeline.PhaseDuration(c, 0));

        // 3 cycles each of 8, 10, ... 18 s, then 12 cycles of 20 s.
        timeline.TotalDuration.Should().Be(S((3 * (8 + 10 + 12 + 14 + 16 + 18)) + (12 * 20)));
        var position = timeline.At(S(24 + 5));
        position.CycleIndex.Should().Be(3);
        position.PhaseKind.Should().Be(BreathPhaseKind.Exhale);
        position.PhaseDuration.Should().Be(S(5));
    }

    [Fact]
    public void Progression_WithUnevenRatios_ScalesEveryPhase()
    {
        var pattern = BreathPattern.Create("p").Inhale(S(4)).HoldAfterInhale(S(2)).Exhale(S(6))
            .WithProgression(BreathProgression.Lengthen(S(2), 1, S(8))).Build();
        var timeline = new BreathTimeline(pattern);

        timeline.CycleDuration(0).Should().Be(S(12));
        timeline.CycleDuration(1).Should().Be(S(18));
        timeline.CycleDuration(2).Should().Be(S(24));
        timeline.CycleDuration(500).Should().Be(S(24));
        timeline.PhaseDuration(2, 1).Should().Be(S(4));
        timeline.PhaseDuration(2, 2).Should().Be(S(12));
    }

    [Fact]
    public void EnumerateBoundaries_ListsEveryStartInOrderWithExactOffsets()
    {
        var pattern = BreathPattern.Create("p").Inhale(S(3), segments: s => s.Add("a", 1.0 / 3).Add("b", 2.0 / 3)).Exhale(S(2)).Build();
        var timeline = new BreathTimeline(pattern, SessionLength.Cycles(2));

        var boundaries = timeline.EnumerateBoundaries().Select(b => $"{b.Kind} {b.Offset.TotalSeconds} c{b.CycleIndex} p{b.PhaseIndex} s{b.SegmentIndex}").ToList();

        boundaries.Should().Equal(
            "PhaseStart 0 c0 p0 s-1", "SegmentStart 0 c0 p0 s0", "SegmentStart 1 c0 p0 s1", "PhaseStart 3 c0 p1 s-1", "CycleEnd 5 c0 p-1 s-1",
            "PhaseStart 5 c1 p0 s-1", "SegmentStart 5 c1 p0 s0", "SegmentStart 6 c1 p0 s1", "PhaseStart 8 c1 p1 s-1", "CycleEnd 10 c1 p-1 s-1",
            "SessionEnd 10 c1 p-1 s-1");
        timeline.EnumerateBoundaries(S(5)).First().Should().Be(new BreathBoundary(BreathBoundaryKind.SegmentStart, S(6), 1, 0, 1));
        timeline.EnumerateBoundaries(S(10)).Should().BeEmpty();
    }

    [Fact]
    public void At_AllocatesNothing()
    {
        var timeline = new BreathTimeline(BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true }), SessionLength.Cycles(50));
        timeline.At(S(1)); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < 10_000; i++)
        {
            sum += timeline.At(TimeSpan.FromMilliseconds(i * 37)).LungVolume;
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        sum.Should().BePositive();
    }

    [Fact]
    public void EnumerateBoundaries_ByForeach_AllocatesNothing()
    {
        var timeline = new BreathTimeline(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(100));
        var count = 0;
        foreach (var _ in timeline.EnumerateBoundaries())
        {
            count++;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        count = 0;
        foreach (var _ in timeline.EnumerateBoundaries())
        {
            count++;
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        count.Should().Be((100 * 9) + 1);
    }
}
