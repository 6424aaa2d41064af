using System.Reactive.Linq;
using BreathPacing.Tests.Support;

namespace BreathPacing.Tests.Engine;

public class BreathSessionTests
{
    private readonly VirtualTime _time = new();

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private BreathSession CreateSut(BreathPattern? pattern = null, SessionLength? length = null, System.Reactive.Concurrency.IScheduler? scheduler = null) =>
        new BreathPacer().Start(pattern ?? BreathingTechniques.OceansBreath(), length ?? SessionLength.Cycles(2), scheduler ?? _time.Scheduler);

    [Fact]
    public void PauseAndResume_ShiftLaterEventsByThePauseAndKeepTheirIdealOffsets()
    {
        using var session = CreateSut();
        using var recorder = _time.Record(session.Events);

        _time.AdvanceTo(S(5));
        session.Pause();
        session.State.Should().Be(BreathSessionState.Paused);
        _time.AdvanceTo(S(35));
        session.Resume();
        _time.AdvanceTo(S(100));

        recorder.Values.Select(v => $"@{v.At.TotalSeconds} {v.Value.Describe()}").Should().Equal(
            "@0 0 SessionStarted",
            "@0 0 PhaseStarted c0 p0 Inhale 4",
            "@4 4 PhaseStarted c0 p1 Exhale 6",
            "@5 5 SessionPaused",
            "@35 5 SessionResumed after 30",
            "@40 10 CycleCompleted c0",
            "@40 10 PhaseStarted c1 p0 Inhale 4",
            "@44 14 PhaseStarted c1 p1 Exhale 6",
            "@50 20 CycleCompleted c1",
            "@50 20 SessionCompleted cycles=2 early=False");
        var summary = recorder.Items.OfType<SessionCompleted>().Single().Summary;
        summary.ActiveTime.Should().Be(S(20));
        summary.PausedTime.Should().Be(S(30));
        session.State.Should().Be(BreathSessionState.Completed);
    }

    [Fact]
    public void Position_StandsStillWhilePaused()
    {
        using var session = CreateSut();
        _time.AdvanceTo(S(2));
        session.Pause();
        var paused = session.Position;

        _time.AdvanceTo(S(50));

        session.Position.Should().Be(paused);
        paused.Elapsed.Should().Be(S(2));
        paused.LungVolume.Should().Be(0.5);
    }

    [Fact]
    public void PauseResumeStop_OutOfTurn_DoNothing()
    {
        using var session = CreateSut();
        using var recorder = _time.Record(session.Events);
        _time.AdvanceTo(S(1));

        session.Resume();
        session.Pause();
        session.Pause();
        session.Resume();
        session.Resume();

        recorder.Items.Count(e => e is SessionPaused).Should().Be(1);
        recorder.Items.Count(e => e is SessionResumed).Should().Be(1);
    }

    [Fact]
    public void Stop_EndsWithASummaryThatSaysItEndedEarly()
    {
        using var session = CreateSut(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(10));
        using var recorder = _time.Record(session.Events);
        _time.AdvanceTo(S(9));

        session.Stop();
        _time.AdvanceTo(S(100));

        var completed = recorder.Items.Last().Should().BeOfType<SessionCompleted>().Which;
        completed.Offset.Should().Be(S(9));
        completed.Summary.EndedEarly.Should().BeTrue();
        completed.Summary.CompletedCycles.Should().Be(1);
        recorder.CompletedAt.Should().Be(S(9));
        recorder.Values.Should().OnlyContain(v => v.At <= S(9));
        session.State.Should().Be(BreathSessionState.Completed);
        session.Position.IsComplete.Should().BeTrue("a stopped session is complete, though it stopped mid-session");
        session.Position.Elapsed.Should().Be(S(9));
    }

    [Fact]
    public void Stop_WhilePaused_CountsOnlyActiveTime()
    {
        using var session = CreateSut();
        using var recorder = _time.Record(session.Events);
        _time.AdvanceTo(S(3));
        session.Pause();
        _time.AdvanceTo(S(20));

        session.Stop();

        var summary = recorder.Items.OfType<SessionCompleted>().Single().Summary;
        summary.ActiveTime.Should().Be(S(3));
        summary.PausedTime.Should().Be(S(17));
        summary.EndedEarly.Should().BeTrue();
    }

    [Fact]
    public void Dispose_StopsTheSessionAndFreesItsTimer()
    {
        var scheduler = new CountingScheduler(_time.Scheduler);
        var session = CreateSut(scheduler: scheduler);
        using var recorder = _time.Record(session.Events);
        _time.AdvanceTo(S(1));

        session.Dispose();
        _time.AdvanceTo(S(100));

        recorder.Items.Last().Should().BeOfType<SessionCompleted>().Which.Summary.EndedEarly.Should().BeTrue();
        scheduler.Pending.Should().Be(0);
        session.State.Should().Be(BreathSessionState.Completed);
    }

    [Fact]
    public void Events_LateSubscriber_ReceivesTheWholeSessionFromItsStart()
    {
        using var session = CreateSut();
        _time.AdvanceTo(S(12));

        using var late = _time.Record(session.Events);
        _time.AdvanceTo(S(100));

        late.Items.Select(e => e.Sequence).Should().Equal(Enumerable.Range(0, late.Values.Count).Select(i => (long)i));
        late.Items.First().Should().BeOfType<SessionStarted>();
        late.Items.Last().Should().BeOfType<SessionCompleted>();
        late.CompletedAt.Should().Be(S(20));
    }

    [Fact]
    public void Events_SubscriberThatCallsPauseInsideOnNext_SeesAConsistentSequence()
    {
        using var session = CreateSut();
        var seen = new List<BreathEvent>();
        using var _ = session.Events.Subscribe(e =>
        {
            seen.Add(e);
            if (e is PhaseStarted { PhaseIndex: 1, CycleIndex: 0 })
            {
                session.Pause();
            }
        });

        _time.AdvanceTo(S(30));
        session.Resume();
        _time.AdvanceTo(S(100));

        seen.Select(e => e.Kind).Should().Equal(
            BreathEventKind.SessionStarted, BreathEventKind.PhaseStarted, BreathEventKind.PhaseStarted, BreathEventKind.SessionPaused,
            BreathEventKind.SessionResumed, BreathEventKind.CycleCompleted, BreathEventKind.PhaseStarted, BreathEventKind.PhaseStarted,
            BreathEventKind.CycleCompleted, BreathEventKind.SessionCompleted);
        seen.Select(e => e.Sequence).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Events_ThrowingSubscriber_IsDetachedAndOthersCarryOn()
    {
        var reported = new List<Exception>();
        using var session = new BreathPacer(new BreathPacingOptions { SubscriberExceptionHandler = reported.Add })
            .Start(BreathingTechniques.OceansBreath(), SessionLength.Cycles(2), _time.Scheduler);
        var thrower = 0;
        using var bad = session.Events.Subscribe(_ => { thrower++; throw new InvalidOperationException("boom"); });
        using var good = _time.Record(session.Events);

        _time.AdvanceTo(S(100));

        thrower.Should().Be(1);
        reported.Should().ContainSingle();
        good.Items.Last().Should().BeOfType<SessionCompleted>();
        good.CompletedAt.Should().Be(S(20));
    }

    [Fact]
    public void Frames_SampleTheTimelineAtASteadyRateAndCompleteAtTheEnd()
    {
        using var session = CreateSut(BreathingTechniques.OceansBreath(), SessionLength.Cycles(1));
        using var frames = _time.Record(session.Frames(TimeSpan.FromMilliseconds(500)));

        _time.AdvanceTo(S(100));

        frames.Values.Should().HaveCount(21);
        frames.Values.Select(f => f.At).Should().Equal(Enumerable.Range(0, 21).Select(i => TimeSpan.FromMilliseconds(i * 500)));
        frames.Values.Select(f => f.Value.Index).Should().Equal(Enumerable.Range(0, 21).Select(i => (long)i));
        frames.Values.Should().OnlyContain(f => f.Value.Position == session.Timeline.At(f.At));
        frames.Items.ElementAt(4).Position.LungVolume.Should().Be(0.5);
        frames.Items.Last().Position.IsComplete.Should().BeTrue();
        frames.CompletedAt.Should().Be(S(10));
    }

    [Fact]
    public void Frames_WhilePaused_RepeatTheFrozenPosition()
    {
        using var session = CreateSut();
        using var frames = _time.Record(session.Frames(TimeSpan.FromSeconds(1)));
        _time.AdvanceTo(S(2));
        session.Pause();

        _time.AdvanceTo(S(5));

        frames.Items.Skip(2).Select(f => f.Position.Elapsed).Should().OnlyContain(e => e == S(2));
    }

    [Fact]
    public void Frames_FirstTickRunningOnAnotherThreadBeforeScheduleReturns_KeepTicking()
    {
        // The first frame is due at once; a thread-pool timer may run it, and re-arm, before Schedule returns.
        using var session = CreateSut();
        using var frames = _time.Record(session.Frames(TimeSpan.FromSeconds(1), new RacingScheduler(_time.Scheduler)));

        _time.AdvanceTo(S(100));

        frames.Values.Select(f => f.Value.Index).Should().Equal(Enumerable.Range(0, 21).Select(i => (long)i));
        frames.CompletedAt.Should().Be(S(20));
    }

    [Fact]
    public void Frames_ThrowingSubscriber_IsDetachedAndReportedWhileTheSessionCarriesOn()
    {
        var reported = new List<Exception>();
        using var session = new BreathPacer(new BreathPacingOptions { SubscriberExceptionHandler = reported.Add })
            .Start(BreathingTechniques.OceansBreath(), SessionLength.Cycles(2), _time.Scheduler);
        var frames = 0;
        using var bad = session.Frames(TimeSpan.FromSeconds(1)).Subscribe(_ =>
        {
            if (++frames == 3)
            {
                throw new InvalidOperationException("draw failed");
            }
        });
        using var events = _time.Record(session.Events);

        _time.Invoking(t => t.AdvanceTo(S(100))).Should().NotThrow();

        frames.Should().Be(3);
        reported.Should().ContainSingle().Which.Message.Should().Be("draw failed");
        events.CompletedAt.Should().Be(S(20));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(11_000)]
    public void Frames_IntervalOutOfRange_Throws(double milliseconds)
    {
        using var session = CreateSut();

        session.Invoking(s => s.Frames(TimeSpan.FromMilliseconds(milliseconds))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("interval");
    }
}
