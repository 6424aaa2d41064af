using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using BreathPacing.Scheduling;
using BreathPacing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BreathPacing.Tests.Engine;

/// <summary>
/// The engine's promises where a real app meets them: time is monotonic, a subscriber that controls the
/// session from its callback cannot reorder what others see, a subscriber that throws harms no one, and
/// replay is generated again, identical, from the timeline and the pauses.
/// </summary>
public class EngineContractTests
{
    private static readonly TimeSpan Ten = TimeSpan.FromMinutes(10);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static BreathPattern OneOne => BreathPattern.Create("1-1").Inhale(S(1)).Exhale(S(1)).Build();

    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    public void Session_WallClockStepsButTimestampDoesNot_EventsDoNotMove(int jumpMinutes)
    {
        var fake = new FakeTimeProvider(VirtualTime.Epoch);
        var clock = new WallClockSteppingTimeProvider(fake);
        var pacer = new BreathPacer(new BreathPacingOptions { TimeProvider = clock });
        var seen = new List<(TimeSpan At, BreathEvent Event)>();
        using var subscription = pacer.Pace(OneOne, SessionLength.Cycles(100)).Subscribe(e => seen.Add((fake.GetUtcNow() - VirtualTime.Epoch, e)));

        for (var i = 0; i < 50; i++)
        {
            fake.Advance(TimeSpan.FromMilliseconds(100));
        }

        clock.Step = TimeSpan.FromMinutes(jumpMinutes); // an NTP step, or a person changing the clock
        for (var i = 0; i < 100; i++)
        {
            fake.Advance(TimeSpan.FromMilliseconds(100));
        }

        seen.Should().NotContain(e => e.Event is SessionCompleted, "100 cycles of 2 s take 200 s, and only 15 s have passed");
        seen.Should().OnlyContain(e => e.At == e.Event.Offset, "every event lands on its ideal instant of the monotonic clock");
        seen.Last().Event.Offset.Should().Be(S(15));
    }

    [Fact]
    public void TimerWheel_WallClockStepsButTimestampDoesNot_EventsDoNotMove()
    {
        var fake = new FakeTimeProvider(VirtualTime.Epoch);
        var clock = new WallClockSteppingTimeProvider(fake);
        using var wheel = new TimerWheelScheduler(clock, startThread: false);
        var pacer = new BreathPacer(new BreathPacingOptions { Scheduler = wheel });
        var seen = new List<(TimeSpan At, BreathEvent Event)>();
        using var subscription = pacer.Pace(OneOne, SessionLength.Cycles(100)).Subscribe(e => seen.Add((fake.GetUtcNow() - VirtualTime.Epoch, e)));

        for (var i = 0; i < 15_000; i++)
        {
            if (i == 5_000)
            {
                clock.Step = Ten;
            }
            else if (i == 10_000)
            {
                clock.Step = -Ten;
            }

            fake.Advance(TimeSpan.FromMilliseconds(1));
            wheel.RunDue();
        }

        seen.Should().NotContain(e => e.Event is SessionCompleted);
        seen.Should().OnlyContain(e => e.At >= e.Event.Offset && e.At <= e.Event.Offset + TimerWheelScheduler.Resolution);
        seen.Last().Event.Offset.Should().Be(S(15));
    }

    [Fact]
    public void Stop_FromInsideTheFirstSubscriber_EverySubscriberSeesTheSameSequenceAndNothingAfterCompletion()
    {
        var time = new VirtualTime();
        using var session = new BreathPacer().Start(OneOne, SessionLength.Cycles(5), time.Scheduler);
        var first = new Recording();
        var second = new Recording();
        using var a = session.Events.Subscribe(Observer.Create<BreathEvent>(
            e =>
            {
                first.OnNext(e);
                if (e is PhaseStarted { PhaseKind: BreathPhaseKind.Exhale, CycleIndex: 1 })
                {
                    session.Stop();
                }
            },
            first.OnError,
            first.OnCompleted));
        using var b = session.Events.Subscribe(second);

        time.AdvanceBySeconds(20);

        second.Events.Should().Equal(first.Events);
        first.Events.Select(e => e.Kind).TakeLast(2).Should().Equal(BreathEventKind.PhaseStarted, BreathEventKind.SessionCompleted);
        first.Events.Select(e => e.Sequence).Should().Equal(Enumerable.Range(0, first.Events.Count).Select(i => (long)i));
        first.AssertWellFormed();
        second.AssertWellFormed();
        session.State.Should().Be(BreathSessionState.Completed);
        session.Position.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void Pause_FromInsideTheFirstSubscriber_OthersSeeTheEventBeforeThePause()
    {
        var time = new VirtualTime();
        using var session = new BreathPacer().Start(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(2), time.Scheduler);
        var first = new Recording();
        var second = new Recording();
        var paused = false;
        using var a = session.Events.Subscribe(Observer.Create<BreathEvent>(
            e =>
            {
                first.OnNext(e);
                if (!paused && e is SegmentStarted { SegmentIndex: 1 })
                {
                    paused = true;
                    session.Pause();
                    session.State.Should().Be(BreathSessionState.Paused, "the call takes effect at once; only its event waits its turn");
                }
            },
            first.OnError,
            first.OnCompleted));
        using var b = session.Events.Subscribe(second);

        time.AdvanceBySeconds(3);
        session.Resume();
        time.AdvanceBySeconds(30);

        second.Events.Should().Equal(first.Events);
        var kinds = second.Events.Select(e => e.Kind).ToList();
        var pause = kinds.IndexOf(BreathEventKind.SessionPaused);
        second.Events[pause - 1].Should().BeOfType<SegmentStarted>().Which.SegmentIndex.Should().Be(1, "the pause follows the event that caused it");
        second.AssertWellFormed();
    }

    [Fact]
    public void LateSubscriber_ControllingTheSessionWhileReplayed_SubscribesAndSeesTheSameSequence()
    {
        var time = new VirtualTime();
        using var session = new BreathPacer().Start(OneOne, SessionLength.Cycles(10), time.Scheduler);
        var early = new Recording();
        using var a = session.Events.Subscribe(early);
        time.AdvanceBySeconds(5.5);

        var late = new Recording();
        var act = () => session.Events.Subscribe(Observer.Create<BreathEvent>(
            e =>
            {
                late.OnNext(e);
                if (e.Sequence == 2)
                {
                    session.Pause(); // appends to the history while it is being replayed
                    session.Resume();
                    session.Events.Subscribe(_ => { }); // and subscribes again
                }
            },
            late.OnError,
            late.OnCompleted));

        using var b = act.Should().NotThrow().Subject;
        time.AdvanceBySeconds(30);

        late.Events.Should().Equal(early.Events);
        late.Events.Should().Contain(e => e is SessionPaused).And.Contain(e => e is SessionCompleted);
        late.AssertWellFormed();
    }

    [Fact]
    public void Pace_ObserverWhoseOnCompletedThrows_OnTheSharedWheel_OtherSessionsComplete()
    {
        var reported = new List<Exception>();
        var pacer = new BreathPacer(new BreathPacingOptions { SubscriberExceptionHandler = e => { lock (reported) { reported.Add(e); } } });
        var fast = BreathPattern.Create("fast").Inhale(TimeSpan.FromMilliseconds(20)).Exhale(TimeSpan.FromMilliseconds(20)).Build();

        using var hostile = pacer.Pace(fast, SessionLength.Cycles(1)).Subscribe(_ => { }, () => throw new InvalidOperationException("on completed"));
        using var session = pacer.Start(fast, SessionLength.Cycles(1));
        using var frames = session.Frames(TimeSpan.FromMilliseconds(5)).Subscribe(_ => { }, () => throw new InvalidOperationException("frames completed"));
        using var throwingFrames = session.Frames(TimeSpan.FromMilliseconds(5)).Subscribe(_ => throw new InvalidOperationException("frame"));
        var other = pacer.Pace(fast, SessionLength.Cycles(3)).LastAsync().Timeout(S(30)).Wait();

        other.Should().BeOfType<SessionCompleted>("the wheel thread survived and kept pacing");
        SpinWait.SpinUntil(() => { lock (reported) { return reported.Count >= 3; } }, S(30)).Should().BeTrue();
        lock (reported)
        {
            reported.Select(e => e.Message).Should().Contain(["on completed", "frames completed", "frame"]);
        }
    }

    [Fact]
    public void Events_SubscriberThrowsInOnNextOrOnCompleted_IsDetachedAndTheOthersCarryOn()
    {
        var time = new VirtualTime();
        var reported = new List<Exception>();
        var pacer = new BreathPacer(new BreathPacingOptions { SubscriberExceptionHandler = reported.Add });
        using var session = pacer.Start(OneOne, SessionLength.Cycles(2), time.Scheduler);
        var good = new Recording();
        var calls = 0;
        using var thrower = session.Events.Subscribe(_ => { calls++; throw new InvalidOperationException("next"); });
        using var completer = session.Events.Subscribe(_ => { }, () => throw new InvalidOperationException("completed"));
        using var b = session.Events.Subscribe(good);

        time.AdvanceBySeconds(10);

        calls.Should().Be(1, "a subscriber that throws is detached");
        good.Events.Last().Should().BeOfType<SessionCompleted>();
        good.AssertWellFormed();
        reported.Select(e => e.Message).Should().Equal("next", "completed");
    }

    [Fact]
    public void SubscriberExceptionHandler_ThatThrows_DoesNotReachTheScheduler()
    {
        var time = new VirtualTime();
        var pacer = new BreathPacer(new BreathPacingOptions { SubscriberExceptionHandler = _ => throw new InvalidOperationException("handler") });
        using var session = pacer.Start(OneOne, SessionLength.Cycles(2), time.Scheduler);
        using var thrower = session.Events.Subscribe(_ => throw new InvalidOperationException("next"));
        var good = new Recording();
        using var b = session.Events.Subscribe(good);

        time.Invoking(t => t.AdvanceBySeconds(10)).Should().NotThrow();
        good.Events.Last().Should().BeOfType<SessionCompleted>();
    }

    [Fact]
    public void EventsAfter_ReplaysFromASequenceNumber_IdenticalToWhatWasDeliveredLive()
    {
        var time = new VirtualTime();
        using var session = new BreathPacer().Start(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(3), time.Scheduler);
        var live = new Recording();
        using var a = session.Events.Subscribe(live);
        time.AdvanceBySeconds(5);
        session.Pause();
        time.AdvanceBySeconds(7);
        session.Resume();
        time.Scheduler.Sleep(S(9)); // asleep: the next wake-up is 9 s late, past the threshold
        time.AdvanceBySeconds(60);

        live.Events.Should().Contain(e => e is SessionSkippedAhead);
        var all = new Recording();
        using var b = session.EventsAfter(-1).Subscribe(all);
        var tail = new Recording();
        using var c = session.EventsAfter(10).Subscribe(tail);

        all.Events.Should().Equal(live.Events, "replay is generated again from the timeline and the pauses, event for event");
        tail.Events.Should().Equal(live.Events.Skip(11));
        tail.AssertWellFormed();
    }

    [Fact]
    public void EventsAfter_BeyondTheLastEvent_WaitsForLiveEvents()
    {
        var time = new VirtualTime();
        using var session = new BreathPacer().Start(OneOne, SessionLength.Cycles(3), time.Scheduler);
        time.AdvanceBySeconds(0.5);
        var tail = new Recording();
        using var a = session.EventsAfter(1_000).Subscribe(tail);

        time.AdvanceBySeconds(10);

        tail.Events.Should().BeEmpty();
        tail.Completed.Should().Be(1, "the stream still completes with the session");
        FluentActions.Invoking(() => session.EventsAfter(-2)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void LateWake_UnderVirtualTime_SimulatedWithSleep_SkipsAheadWithOneEvent()
    {
        var time = new VirtualTime();
        IBreathPacer pacer = new BreathPacer();
        pacer.LateWakePolicy.Should().Be(LateWakePolicy.SkipToNow);
        using var recorder = time.Record(pacer.Pace(OneOne, SessionLength.OpenEnded, time.Scheduler));
        time.AdvanceBySeconds(1.5);

        // Sleep moves the virtual clock without running what falls due, as a suspended process does.
        time.Scheduler.Sleep(S(30));
        time.AdvanceBySeconds(0.1);

        var skipped = recorder.Items.OfType<SessionSkippedAhead>().Should().ContainSingle().Subject;
        skipped.MissedFrom.Should().Be(S(2));
        skipped.Offset.Should().Be(S(31.5));
        recorder.Items.Last().Should().BeSameAs(skipped);
    }

    [Fact]
    public void EventsAfter_AnHourIntoAnOpenEndedSession_ReplaysOnlyTheTail()
    {
        var time = new VirtualTime();
        using var session = new BreathPacer().Start(BreathPattern.Create("quick").Inhale(TimeSpan.FromMilliseconds(250)).Exhale(TimeSpan.FromMilliseconds(250)).Build(), SessionLength.OpenEnded, time.Scheduler);
        long delivered = 0;
        using var a = session.Events.Subscribe(_ => delivered++);

        time.AdvanceBy(TimeSpan.FromHours(1));
        var lateHour = new Recording();
        using (session.EventsAfter(delivered - 3).Subscribe(lateHour))
        {
        }

        delivered.Should().Be(1 + (3 * 7_200) + 1, "the start, then an inhale, an exhale and a cycle end per 0.5 s for an hour, then the inhale at the hour");
        lateHour.Events.Select(e => e.Sequence).Should().Equal(delivered - 2, delivered - 1);
    }

    /// <summary>A provider whose wall clock can be stepped while its monotonic timestamp goes on undisturbed.</summary>
    private sealed class WallClockSteppingTimeProvider(FakeTimeProvider inner) : TimeProvider
    {
        public TimeSpan Step { get; set; }

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Step;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}

/// <summary>Records what an observer receives and checks the Rx grammar: OnNext*, then at most one OnCompleted, nothing after it.</summary>
public sealed class Recording : IObserver<BreathEvent>
{
    private readonly object _gate = new();
    private bool _ended;

    public List<BreathEvent> Events { get; } = [];

    public int Completed { get; private set; }

    public int AfterEnd { get; private set; }

    public void OnNext(BreathEvent value)
    {
        lock (_gate)
        {
            AfterEnd += _ended ? 1 : 0;
            Events.Add(value);
        }
    }

    public void OnError(Exception error) => throw new InvalidOperationException("The engine never errors a stream.", error);

    public void OnCompleted()
    {
        lock (_gate)
        {
            AfterEnd += _ended ? 1 : 0;
            _ended = true;
            Completed++;
        }
    }

    public void AssertWellFormed()
    {
        AfterEnd.Should().Be(0, "nothing follows the completion");
        Completed.Should().BeLessThanOrEqualTo(1);
        if (Events.Count > 0)
        {
            var first = Events[0].Sequence;
            Events.Select(e => e.Sequence).Should().Equal(Enumerable.Range(0, Events.Count).Select(i => first + i), "sequence numbers are consecutive");
            Events.Select(e => e.Offset).Should().BeInAscendingOrder();
            Events.Take(Events.Count - 1).Should().NotContain(e => e is SessionCompleted);
            if (Completed == 1)
            {
                Events[^1].Should().BeOfType<SessionCompleted>();
            }
        }
    }
}
