using BreathPacing.Serialization;
using BreathPacing.Tests.Support;
using CsCheck;

namespace BreathPacing.Tests.Timeline;

public class BreathTimelinePropertyTests
{
    [Fact]
    public void Boundaries_NeverGoBackAndPhaseStartsStrictlyIncrease()
    {
        Arbitrary.Timeline.Sample(timeline =>
        {
            var last = TimeSpan.MinValue;
            var lastPhaseStart = TimeSpan.MinValue;
            foreach (var b in timeline.EnumerateBoundaries().Take(500))
            {
                b.Offset.Should().BeGreaterThanOrEqualTo(last);
                if (b.Kind == BreathBoundaryKind.PhaseStart)
                {
                    b.Offset.Should().BeGreaterThan(lastPhaseStart);
                    lastPhaseStart = b.Offset;
                }

                last = b.Offset;
            }
        }, iter: 200);
    }

    [Fact]
    public void At_ProgressStaysWithinZeroAndOne()
    {
        Gen.Select(Arbitrary.Timeline, Gen.Long[0, TimeSpan.FromHours(2).Ticks]).Sample((timeline, ticks) =>
        {
            var p = timeline.At(TimeSpan.FromTicks(ticks));
            p.PhaseProgress.Should().BeInRange(0, 1);
            p.SegmentProgress.Should().BeInRange(0, 1);
            p.LungVolume.Should().BeInRange(0, 1);
            p.SessionProgress.Should().BeInRange(0, 1);
            p.PhaseElapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThanOrEqualTo(p.PhaseDuration);
        }, iter: 500);
    }

    [Fact]
    public void At_IsContinuousAcrossEveryBoundary()
    {
        Arbitrary.Timeline.Sample(timeline =>
        {
            foreach (var b in timeline.EnumerateBoundaries().Take(200))
            {
                if (b.Offset == TimeSpan.Zero || b.Kind == BreathBoundaryKind.SessionEnd)
                {
                    continue;
                }

                var before = timeline.At(b.Offset - TimeSpan.FromTicks(1));
                var at = timeline.At(b.Offset);
                Math.Abs(at.LungVolume - before.LungVolume).Should().BeLessThan(1e-4, "the lungs do not jump at {0}", b);
                if (b.Kind == BreathBoundaryKind.PhaseStart)
                {
                    at.PhaseProgress.Should().Be(0);
                    before.PhaseProgress.Should().BeGreaterThan(0.99);
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void At_IsPure_AnEqualTimelineGivesEqualPositionsInAnyOrder()
    {
        // Purity as a user sees it: the answer depends only on the pattern, the length and the instant, not on
        // which timeline instance is asked or on what was asked before.
        Gen.Select(Arbitrary.Timeline, Gen.Long[0, TimeSpan.FromHours(1).Ticks].Array[1, 40]).Sample((timeline, instants) =>
        {
            var copy = new BreathTimeline(BreathPatternJson.Deserialize(BreathPatternJson.Serialize(timeline.Pattern)), timeline.Length);
            var forward = instants.Select(t => timeline.At(TimeSpan.FromTicks(t))).ToArray();
            var backward = instants.Reverse().Select(t => copy.At(TimeSpan.FromTicks(t))).Reverse().ToArray();

            backward.Should().Equal(forward);
            for (var i = 0; i < instants.Length; i++)
            {
                forward[i].Elapsed.Should().Be(timeline.TotalDuration is { } end && instants[i] > end.Ticks ? end : TimeSpan.FromTicks(instants[i]));
            }
        }, iter: 200);
    }

    [Fact]
    public void At_PositionsDifferWhereTheSessionMoved()
    {
        // The counterpart of purity: At is not a constant; two instants in different phases give different positions.
        Arbitrary.Timeline.Sample(timeline =>
        {
            var second = timeline.EnumerateBoundaries().First(b => b.Kind == BreathBoundaryKind.PhaseStart && b.Offset > TimeSpan.Zero);
            timeline.At(second.Offset).Should().NotBe(timeline.At(TimeSpan.Zero));
        }, iter: 100);
    }

    [Fact]
    public void TimedSession_RunsAtLeastTheAskedTimeAndEndsOnTheFirstWholeCycleAfterIt() =>
        Gen.Select(Gen.OneOf(Arbitrary.Pattern, PatternGen.Pattern), Gen.OneOf(
            Gen.Long[1, TimeSpan.FromHours(2).Ticks],
            Gen.Long[1, PatternLimits.MaximumSessionDuration.Ticks])).Sample((pattern, ticks) =>
        {
            var asked = TimeSpan.FromTicks(ticks);
            var timeline = new BreathTimeline(pattern, SessionLength.Of(asked));
            var cycles = timeline.TotalCycles!.Value;

            timeline.TotalDuration!.Value.Should().BeGreaterThanOrEqualTo(asked);
            (timeline.TotalDuration.Value - timeline.CycleDuration(cycles - 1)).Should().BeLessThan(asked, "one cycle fewer would fall short");
            timeline.At(timeline.TotalDuration.Value - TimeSpan.FromTicks(1)).CycleIndex.Should().Be(cycles - 1);
        }, iter: 500);

    [Fact]
    public void SegmentBoundaries_AfterRoundingToTicks_StayInsideTheirPhaseInOrderAndTrueToTheirShare() =>
        Gen.Select(Gen.OneOf(Arbitrary.Pattern, PatternGen.Pattern), Gen.Int[0, 5000]).Sample((pattern, cycle) =>
        {
            var timeline = new BreathTimeline(pattern);
            for (var p = 0; p < pattern.Phases.Length; p++)
            {
                var segments = pattern.Phases[p].Segments;
                var phaseTicks = timeline.PhaseDuration(cycle, p).Ticks;
                var previous = 0L;
                for (var k = 0; k < segments.Length; k++)
                {
                    var start = timeline.SegmentOffset(cycle, p, k);
                    var end = k + 1 < segments.Length ? timeline.SegmentOffset(cycle, p, k + 1) : phaseTicks;
                    (k == 0 ? start : start - previous).Should().BeGreaterThanOrEqualTo(0);
                    if (k == 0)
                    {
                        start.Should().Be(0, "the first segment starts with its phase");
                    }

                    end.Should().BeLessThanOrEqualTo(phaseTicks);
                    Math.Abs((end - start) - (segments[k].Share * phaseTicks)).Should().BeLessThanOrEqualTo(1 + (PatternLimits.ShareTolerance * phaseTicks));
                    previous = start;
                }
            }
        }, iter: 1000);

    [Fact]
    public void Progression_AfterRoundingToTicks_StepsExactlyAndNeverShortensAPhase() =>
        PatternGen.Pattern.Where(p => p.Progression is not null).Sample(pattern =>
        {
            var timeline = new BreathTimeline(pattern);
            var progression = pattern.Progression!;
            var reference = pattern.ReferencePhaseIndex;
            var first = pattern.Phases[reference].Duration;
            for (var step = 0; step < pattern.ProgressionSteps; step++)
            {
                var cycle = step * progression.EveryCycles;
                var expected = TimeSpan.FromTicks(Math.Min(first.Ticks + (step * progression.Step.Ticks), progression.Target.Ticks));
                timeline.PhaseDuration(cycle, reference).Should().Be(expected);
                timeline.PhaseDuration(cycle + progression.EveryCycles - 1, reference).Should().Be(expected, "durations change only between steps");
                for (var p = 0; p < pattern.Phases.Length; p++)
                {
                    var duration = timeline.PhaseDuration(cycle, p);
                    duration.Should().Be(pattern.PhaseDurationAt(p, step));
                    var ideal = (double)pattern.Phases[p].Duration.Ticks * expected.Ticks / first.Ticks;
                    Math.Abs(duration.Ticks - ideal).Should().BeLessThanOrEqualTo(0.5 + (ideal * 1e-15), "every phase keeps its ratio to the tick");
                    if (step > 0)
                    {
                        duration.Should().BeGreaterThanOrEqualTo(timeline.PhaseDuration(cycle - 1, p), "a progression only lengthens");
                    }

                    duration.Should().BeLessThanOrEqualTo(PatternLimits.MaximumPhaseDuration);
                }
            }

            timeline.PhaseDuration(pattern.ProgressionSteps * progression.EveryCycles, reference).Should().Be(progression.Target);
        }, iter: 300);
}
