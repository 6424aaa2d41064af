using BreathPacing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BreathPacing.Tests.Engine;

/// <summary>
/// A FakeTimeProvider jumping forward fires every due timer at the final instant, exactly like a machine
/// waking from sleep: the engine sees one late wake-up.
/// </summary>
public class LateWakeTests
{
    private readonly FakeTimeProvider _clock = new(VirtualTime.Epoch);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private (List<(TimeSpan At, BreathEvent Event)> Events, IDisposable Subscription) Run(LateWakePolicy policy, SessionLength length)
    {
        var pacer = new BreathPacer(new BreathPacingOptions { TimeProvider = _clock, LateWakePolicy = policy });
        var events = new List<(TimeSpan, BreathEvent)>();
        var subscription = pacer.Pace(BreathingTechniques.OceansBreath(), length).Subscribe(e => events.Add((_clock.GetUtcNow() - VirtualTime.Epoch, e)));
        return (events, subscription);
    }

    private void Step(double seconds, double by = 0.5)
    {
        for (var t = 0.0; t < seconds; t += by)
        {
            _clock.Advance(S(by));
        }
    }

    [Fact]
    public void SkipToNow_JumpsToTheCurrentPositionWithOneEventThenCarriesOnExactly()
    {
        var (events, subscription) = Run(LateWakePolicy.SkipToNow, SessionLength.OpenEnded);
        using var _ = subscription;
        _clock.Advance(TimeSpan.Zero);
        Step(5);

        _clock.Advance(S(63)); // asleep from 5 s to 68 s
        var skipped = events.Last().Event.Should().BeOfType<SessionSkippedAhead>().Which;
        Step(3);

        skipped.Offset.Should().Be(S(68));
        skipped.MissedFrom.Should().Be(S(10));
        skipped.MissedEvents.Should().Be(18, "from 10 s to 68 s: six cycle ends, six inhales and six exhales");
        skipped.Position.CycleIndex.Should().Be(6);
        skipped.Position.PhaseKind.Should().Be(BreathPhaseKind.Exhale);
        events.Count(e => e.Event is SessionSkippedAhead).Should().Be(1);
        var after = events.SkipWhile(e => e.Event is not SessionSkippedAhead).Skip(1).ToList();
        after.Select(e => (e.At, e.Event.Kind, e.Event.Offset)).Should().Equal(
            (S(70), BreathEventKind.CycleCompleted, S(70)),
            (S(70), BreathEventKind.PhaseStarted, S(70)));
    }

    [Fact]
    public void ReplayMissed_DeliversEveryMissedEventInOrderWithItsIdealOffset()
    {
        var (events, subscription) = Run(LateWakePolicy.ReplayMissed, SessionLength.OpenEnded);
        using var _ = subscription;
        _clock.Advance(TimeSpan.Zero);
        Step(5);

        _clock.Advance(S(63));

        var replayed = events.Where(e => e.At == S(68)).Select(e => e.Event).ToList();
        replayed.Should().HaveCount(18);
        replayed.Select(e => e.Offset).Should().BeInAscendingOrder().And.OnlyContain(o => o >= S(10) && o <= S(68));
        events.Should().NotContain(e => e.Event is SessionSkippedAhead);
    }

    [Fact]
    public void SkipToNow_SleepingPastTheEnd_CompletesTheSession()
    {
        var (events, subscription) = Run(LateWakePolicy.SkipToNow, SessionLength.Cycles(3));
        using var _ = subscription;
        _clock.Advance(TimeSpan.Zero);
        Step(2);

        _clock.Advance(S(300));

        events.Select(e => e.Event.Kind).TakeLast(2).Should().Equal(BreathEventKind.SessionSkippedAhead, BreathEventKind.SessionCompleted);
        var summary = ((SessionCompleted)events.Last().Event).Summary;
        summary.CompletedCycles.Should().Be(3);
        summary.EndedEarly.Should().BeFalse();
        summary.ActiveTime.Should().Be(S(30));
    }

    [Fact]
    public void SlightlyLateWakeUp_BelowTheThreshold_DeliversDueEventsNormally()
    {
        var (events, subscription) = Run(LateWakePolicy.SkipToNow, SessionLength.OpenEnded);
        using var _ = subscription;
        _clock.Advance(TimeSpan.Zero);
        Step(3);

        _clock.Advance(S(1.5)); // 0.5 s late for the exhale at 4 s

        events.Last().Event.Should().BeOfType<PhaseStarted>().Which.Offset.Should().Be(S(4));
        events.Last().At.Should().Be(S(4.5));
    }

    [Fact]
    public void FakeTimeProvider_DrivesTheEngineExactly()
    {
        var (events, subscription) = Run(LateWakePolicy.SkipToNow, SessionLength.Cycles(2));
        using var _ = subscription;

        Step(30, by: 0.25);

        events.Should().HaveCount(8);
        events.Should().OnlyContain(e => e.At == e.Event.Offset);
        events.Last().Event.Should().BeOfType<SessionCompleted>().Which.Offset.Should().Be(S(20));
    }
}
