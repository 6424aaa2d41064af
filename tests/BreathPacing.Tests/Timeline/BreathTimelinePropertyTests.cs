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
    public void At_IsPure()
    {
        Gen.Select(Arbitrary.Timeline, Gen.Long[0, TimeSpan.FromHours(1).Ticks]).Sample((timeline, ticks) =>
            timeline.At(TimeSpan.FromTicks(ticks)).Should().Be(timeline.At(TimeSpan.FromTicks(ticks))), iter: 200);
    }
}
