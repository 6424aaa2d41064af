using System.Reactive.Linq;
using BreathPacing.Tests.Support;

namespace BreathPacing.Tests.Engine;

public class BreathPacerTests
{
    private readonly VirtualTime _time = new();

    private static BreathPacer CreateSut(LateWakePolicy policy = LateWakePolicy.SkipToNow) => new(new BreathPacingOptions { LateWakePolicy = policy });

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private List<string> Timed(Recorder<BreathEvent> recorder) =>
        recorder.Values.Select(v => $"@{v.At.TotalSeconds:0.###} {v.Value.Describe()}").ToList();

    [Fact]
    public void Pace_ThreePartBreath_EmitsEveryPhaseAndSegmentOnItsExactInstant()
    {
        using var recorder = _time.Record(CreateSut().Pace(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(2), _time.Scheduler));

        _time.AdvanceBySeconds(60);

        Timed(recorder).Should().Equal(
            "@0 0 SessionStarted",
            "@0 0 PhaseStarted c0 p0 Inhale 4",
            "@0 0 SegmentStarted c0 p0 lower-belly 1.333",
            "@1.333 1.333 SegmentStarted c0 p0 upper-belly 1.333",
            "@2.667 2.667 SegmentStarted c0 p0 chest 1.333",
            "@4 4 PhaseStarted c0 p1 Exhale 4",
            "@4 4 SegmentStarted c0 p1 chest 1.333",
            "@5.333 5.333 SegmentStarted c0 p1 upper-belly 1.333",
            "@6.667 6.667 SegmentStarted c0 p1 lower-belly 1.333",
            "@8 8 CycleCompleted c0",
            "@8 8 PhaseStarted c1 p0 Inhale 4",
            "@8 8 SegmentStarted c1 p0 lower-belly 1.333",
            "@9.333 9.333 SegmentStarted c1 p0 upper-belly 1.333",
            "@10.667 10.667 SegmentStarted c1 p0 chest 1.333",
            "@12 12 PhaseStarted c1 p1 Exhale 4",
            "@12 12 SegmentStarted c1 p1 chest 1.333",
            "@13.333 13.333 SegmentStarted c1 p1 upper-belly 1.333",
            "@14.667 14.667 SegmentStarted c1 p1 lower-belly 1.333",
            "@16 16 CycleCompleted c1",
            "@16 16 SessionCompleted cycles=2 early=False");
        recorder.CompletedAt.Should().Be(S(16));
        recorder.Items.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.StartWith(0L);
        recorder.Values.Should().OnlyContain(v => v.At == v.Value.Offset, "with no pause, each event is observed exactly at its ideal offset");
    }

    [Fact]
    public void Pace_OceansBreath_EmitsNoseInhaleThenLongerThroatExhale()
    {
        using var recorder = _time.Record(CreateSut().Pace(BreathingTechniques.OceansBreath(), SessionLength.Cycles(1), _time.Scheduler));

        _time.AdvanceBySeconds(60);

        Timed(recorder).Should().Equal(
            "@0 0 SessionStarted",
            "@0 0 PhaseStarted c0 p0 Inhale 4",
            "@4 4 PhaseStarted c0 p1 Exhale 6",
            "@10 10 CycleCompleted c0",
            "@10 10 SessionCompleted cycles=1 early=False");
        recorder.Items.OfType<PhaseStarted>().Select(p => p.Airway).Should().Equal(Airway.Nose, Airway.ThroatConstricted);
        var summary = recorder.Items.OfType<SessionCompleted>().Single().Summary;
        summary.InhaleToExhaleRatio.Should().BeApproximately(4.0 / 6, 1e-12);
        summary.PacedBreathsPerMinute.Should().Be(6);
        summary.CompletedCycles.Should().Be(1);
        summary.PlannedCycles.Should().Be(1);
        summary.PartialCycle.Should().Be(0);
        summary.ActiveTime.Should().Be(S(10));
    }

    [Fact]
    public void Pace_CustomPatternWithHolds_EmitsHoldPhases()
    {
        var pattern = BreathPattern.Create("4-7-8").Inhale(S(4)).HoldAfterInhale(S(7)).Exhale(S(8)).Build();
        using var recorder = _time.Record(CreateSut().Pace(pattern, SessionLength.Cycles(1), _time.Scheduler));

        _time.AdvanceBySeconds(60);

        Timed(recorder).Should().Equal(
            "@0 0 SessionStarted",
            "@0 0 PhaseStarted c0 p0 Inhale 4",
            "@4 4 PhaseStarted c0 p1 HoldAfterInhale 7",
            "@11 11 PhaseStarted c0 p2 Exhale 8",
            "@19 19 CycleCompleted c0",
            "@19 19 SessionCompleted cycles=1 early=False");
    }

    [Fact]
    public void Pace_Progression_LengthensPhasesBetweenCycles()
    {
        var pattern = BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true, StartSeconds = 4, TargetSeconds = 6, CyclesPerStep = 2 });
        using var recorder = _time.Record(CreateSut().Pace(pattern, SessionLength.Cycles(6), _time.Scheduler));

        _time.AdvanceBySeconds(600);

        var inhales = recorder.Values.Where(v => v.Value is PhaseStarted { PhaseIndex: 0 }).Select(v => (v.At.TotalSeconds, ((PhaseStarted)v.Value).Duration.TotalSeconds)).ToList();
        inhales.Should().Equal((0, 4), (8, 4), (16, 5), (26, 5), (36, 6), (48, 6));
        recorder.CompletedAt.Should().Be(S(60));
    }

    [Fact]
    public void Pace_TimedSession_EndsOnAWholeCycle()
    {
        using var recorder = _time.Record(CreateSut().Pace(BreathingTechniques.ThreePartBreath(), SessionLength.Of(S(20)), _time.Scheduler));

        _time.AdvanceBySeconds(60);

        recorder.Items.OfType<SessionCompleted>().Single().Summary.CompletedCycles.Should().Be(3);
        recorder.CompletedAt.Should().Be(S(24));
    }

    [Fact]
    public void Pace_PatternDefaultLength_IsUsedWhenNoneIsGiven()
    {
        var pattern = BreathPattern.Create("p").Inhale(S(1)).Exhale(S(1)).WithDefaultLength(SessionLength.Cycles(3)).Build();
        using var recorder = _time.Record(CreateSut().Pace(pattern, null, _time.Scheduler));

        _time.AdvanceBySeconds(60);

        recorder.CompletedAt.Should().Be(S(6));
    }

    [Fact]
    public void Pace_OneHourOfVirtualTime_LastEventLandsOnItsExactIdealInstant()
    {
        // Thirds of 4 s are not whole milliseconds: any "previous + duration" arithmetic would drift here.
        using var recorder = _time.Record(CreateSut().Pace(BreathingTechniques.ThreePartBreath(), SessionLength.Minutes(60), _time.Scheduler));

        _time.AdvanceBy(TimeSpan.FromHours(2));

        recorder.CompletedAt.Should().Be(TimeSpan.FromHours(1));
        recorder.Values.Should().HaveCount(2 + (450 * 9));
        recorder.Values.Should().OnlyContain(v => v.At == v.Value.Offset);
        recorder.Values[^2].Value.Should().BeOfType<CycleCompleted>().Which.Offset.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Pace_IsCold_EachSubscriptionRunsItsOwnSession()
    {
        var events = CreateSut().Pace(BreathingTechniques.OceansBreath(), SessionLength.Cycles(1), _time.Scheduler);
        using var first = _time.Record(events);
        _time.AdvanceBySeconds(5);
        using var second = _time.Record(events);

        _time.AdvanceBySeconds(60);

        first.CompletedAt.Should().Be(S(10));
        second.CompletedAt.Should().Be(S(15));
        second.Items.Select(e => e.Offset).Should().Equal(first.Items.Select(e => e.Offset));
    }

    [Fact]
    public void Pace_NothingHappensUntilSubscribed()
    {
        var scheduler = new CountingScheduler(_time.Scheduler);
        _ = CreateSut().Pace(BreathingTechniques.OceansBreath(), SessionLength.Cycles(1), scheduler);

        _time.AdvanceBySeconds(60);

        scheduler.Scheduled.Should().Be(0);
    }

    [Fact]
    public void Pace_KeepsOneTimerAtATimeAndFreesItOnCompletion()
    {
        var scheduler = new CountingScheduler(_time.Scheduler);
        using var recorder = _time.Record(CreateSut().Pace(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(3), scheduler));

        _time.AdvanceBySeconds(100);

        scheduler.MaxPending.Should().Be(1);
        scheduler.Pending.Should().Be(0);
        scheduler.Scheduled.Should().Be(1 + (3 * 6), "one start tick, then one timer per distinct boundary instant");
    }

    [Fact]
    public void Dispose_StopsTheSessionSilentlyAndFreesItsTimer()
    {
        var scheduler = new CountingScheduler(_time.Scheduler);
        var recorder = _time.Record(CreateSut().Pace(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(3), scheduler));
        _time.AdvanceBySeconds(5);
        var seen = recorder.Values.Count;

        recorder.Dispose();
        _time.AdvanceBySeconds(100);

        recorder.Values.Should().HaveCount(seen);
        recorder.CompletedAt.Should().BeNull();
        scheduler.Pending.Should().Be(0);
    }

    [Fact]
    public void Pace_TimerFiringEarly_IsReArmedAndNoEventIsEverEarly()
    {
        var scheduler = new CountingScheduler(_time.Scheduler) { FireEarlyBy = TimeSpan.FromMilliseconds(15) };
        using var recorder = _time.Record(CreateSut().Pace(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(2), scheduler));

        _time.AdvanceBySeconds(60);

        recorder.Values.Should().HaveCount(20);
        recorder.Values.Should().OnlyContain(v => v.At >= v.Value.Offset, "an event is never observed before its ideal instant");
        recorder.Values.Should().OnlyContain(v => v.At == v.Value.Offset, "the re-armed timer lands exactly on the instant");
        scheduler.MaxPending.Should().Be(1);
    }

    [Fact]
    public void Pace_ThrowingSubscriber_EndsOnlyItsOwnSessionAndIsReported()
    {
        var reported = new List<Exception>();
        var pacer = new BreathPacer(new BreathPacingOptions { SubscriberExceptionHandler = reported.Add });
        var scheduler = new CountingScheduler(_time.Scheduler);
        using var throwing = pacer.Pace(BreathingTechniques.OceansBreath(), SessionLength.Cycles(3), scheduler)
            .Subscribe(e =>
            {
                if (e is PhaseStarted { PhaseIndex: 1 })
                {
                    throw new InvalidOperationException("render failed");
                }
            });
        using var healthy = _time.Record(pacer.Pace(BreathingTechniques.OceansBreath(), SessionLength.Cycles(3), scheduler));

        _time.AdvanceBySeconds(100);

        reported.Should().ContainSingle().Which.Message.Should().Be("render failed");
        healthy.CompletedAt.Should().Be(S(30));
        scheduler.Pending.Should().Be(0, "the faulted session freed its timer");
        _time.Invoking(t => t.AdvanceBySeconds(1)).Should().NotThrow("the scheduler is unharmed");
    }

    [Fact]
    public void Pace_SameInstantEvents_ComeInTheDocumentedOrder()
    {
        using var recorder = _time.Record(CreateSut().Pace(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(2), _time.Scheduler));

        _time.AdvanceBySeconds(60);

        recorder.Items.Where(e => e.Offset == S(8)).Select(e => e.Kind)
            .Should().Equal(BreathEventKind.CycleCompleted, BreathEventKind.PhaseStarted, BreathEventKind.SegmentStarted);
        recorder.Items.Where(e => e.Offset == S(16)).Select(e => e.Kind)
            .Should().Equal(BreathEventKind.CycleCompleted, BreathEventKind.SessionCompleted);
    }

    [Fact]
    public void Pace_NullArguments_Throw()
    {
        var pacer = CreateSut();

        pacer.Invoking(p => p.Pace((BreathTimeline)null!, _time.Scheduler)).Should().Throw<ArgumentNullException>().WithParameterName("timeline");
        pacer.Invoking(p => p.Pace(new BreathTimeline(BreathingTechniques.OceansBreath()), null!)).Should().Throw<ArgumentNullException>().WithParameterName("scheduler");
    }

    [Fact]
    public void Options_InvalidThreshold_ThrowsNamingIt()
    {
        var act = () => new BreathPacer(new BreathPacingOptions { LateWakeThreshold = TimeSpan.Zero });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().Contain("LateWakeThreshold").And.Contain("00:00:00");
    }
}
