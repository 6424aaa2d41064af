using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Microsoft.Extensions.Time.Testing;
using BreathPacing.Scheduling;

namespace BreathPacing.Tests.Engine;

/// <summary>
/// The wheel on a fake clock, driven by hand (no thread): <c>RunDue</c> runs whatever is due at the
/// fake instant, so every assertion is exact. A few tolerant real-time checks cover the thread.
/// </summary>
public class TimerWheelSchedulerTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Schedule_BeforeDueInstant_DoesNotRun()
    {
        using var wheel = CreateSut();
        var ran = false;
        wheel.Schedule(0, TimeSpan.FromMilliseconds(10.5), (_, _) => Ran(ref ran));

        Advance(wheel, TimeSpan.FromMilliseconds(10));
        ran.Should().BeFalse("10 ms is before the 10.5 ms due instant");
        Advance(wheel, TimeSpan.FromMilliseconds(0.4));
        ran.Should().BeFalse("10.4 ms is still before the due instant");
        Advance(wheel, TimeSpan.FromMilliseconds(0.6));
        ran.Should().BeTrue("the slot holding 10.5 ms has ended at 11 ms");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1)]
    [InlineData(999.9)]
    [InlineData(16_384)]
    [InlineData(40_000.25)] // more than two turns of the wheel
    public void Schedule_AnyDueTime_RunsAtOrAfterItAndWithinOneSlot(double dueMs)
    {
        using var wheel = CreateSut();
        var due = TimeSpan.FromMilliseconds(dueMs);
        var start = _clock.GetTimestamp();
        TimeSpan? ranAt = null;
        wheel.Schedule(0, due, (_, _) =>
        {
            ranAt = _clock.GetElapsedTime(start);
            return Disposable.Empty;
        });

        var step = TimeSpan.FromMilliseconds(0.25);
        while (ranAt is null && _clock.GetElapsedTime(start) < due + TimeSpan.FromSeconds(1))
        {
            Advance(wheel, step);
        }

        ranAt.Should().NotBeNull();
        ranAt!.Value.Should().BeGreaterThanOrEqualTo(due).And.BeLessThanOrEqualTo(due + TimerWheelScheduler.Resolution);
    }

    [Fact]
    public void Schedule_MaximumDueTime_DoesNotOverflowIntoThePast()
    {
        using var wheel = CreateSut();
        var ran = false;
        wheel.Schedule(0, TimeSpan.MaxValue, (_, _) => Ran(ref ran));

        Advance(wheel, TimeSpan.FromDays(1));

        ran.Should().BeFalse();
        wheel.PendingCount.Should().Be(1);
    }

    [Fact]
    public void Schedule_ItemsInDifferentSlots_RunInDueOrder()
    {
        using var wheel = CreateSut();
        var order = new List<int>();
        foreach (var ms in new[] { 30, 5, 20, 1, 12 })
        {
            wheel.Schedule(ms, TimeSpan.FromMilliseconds(ms), (_, m) =>
            {
                order.Add(m);
                return Disposable.Empty;
            });
        }

        Advance(wheel, TimeSpan.FromMilliseconds(40));

        order.Should().Equal(1, 5, 12, 20, 30);
    }

    [Fact]
    public void Dispose_PendingItem_NeverRunsAndIsFreed()
    {
        using var wheel = CreateSut();
        var ran = false;
        var item = wheel.Schedule(0, TimeSpan.FromMilliseconds(5), (_, _) => Ran(ref ran));
        wheel.PendingCount.Should().Be(1);

        item.Dispose();

        wheel.PendingCount.Should().Be(0);
        Advance(wheel, TimeSpan.FromSeconds(1));
        ran.Should().BeFalse();
    }

    [Fact]
    public void Schedule_FromInsideAnAction_RunsOnALaterPassNotInline()
    {
        using var wheel = CreateSut();
        var log = new List<string>();
        wheel.Schedule(0, TimeSpan.FromMilliseconds(1), (s, _) =>
        {
            log.Add("outer");
            s.Schedule(0, (_, _) =>
            {
                log.Add("inner");
                return Disposable.Empty;
            });
            log.Add("outer done");
            return Disposable.Empty;
        });

        Advance(wheel, TimeSpan.FromMilliseconds(1));
        log.Should().Equal("outer", "outer done");
        Advance(wheel, TimeSpan.FromMilliseconds(1));
        log.Should().Equal("outer", "outer done", "inner");
    }

    [Fact]
    public void StartStopwatch_FollowsTheTimeProvider()
    {
        using var wheel = CreateSut();
        var stopwatch = wheel.StartStopwatch();

        _clock.Advance(TimeSpan.FromSeconds(3.5));

        stopwatch.Elapsed.Should().Be(TimeSpan.FromSeconds(3.5));
    }

    [Fact]
    public void Schedule_AfterSchedulerDisposed_Throws()
    {
        var wheel = CreateSut();
        var ran = false;
        wheel.Schedule(0, TimeSpan.FromMilliseconds(5), (_, _) => Ran(ref ran));

        wheel.Dispose();

        wheel.PendingCount.Should().Be(0, "disposing drops every pending action");
        Advance(wheel, TimeSpan.FromSeconds(1));
        ran.Should().BeFalse();
        var act = () => wheel.Schedule(0, TimeSpan.Zero, (_, _) => Disposable.Empty);
        act.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Pace_ThreePartOnWheel_EveryEventAtOrWithinOneSlotOfItsIdealInstant()
    {
        using var wheel = CreateSut();
        var pacer = new BreathPacer(new BreathPacingOptions { Scheduler = wheel });
        var start = _clock.GetTimestamp();
        var seen = new List<(TimeSpan At, BreathEvent Event)>();
        var completedAt = TimeSpan.MinValue;
        using var subscription = pacer.Pace(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(2))
            .Subscribe(e => seen.Add((_clock.GetElapsedTime(start), e)), () => completedAt = _clock.GetElapsedTime(start));

        // 0.3 ms steps: never a multiple of the 1.333 s segment boundaries, so slot rounding is exercised.
        for (var i = 0; i < 60_000 && completedAt == TimeSpan.MinValue; i++)
        {
            Advance(wheel, TimeSpan.FromMilliseconds(0.3));
        }

        seen.Should().HaveCount(20); // started, 2 × (2 phases + 6 segments + cycle end), completed
        seen.Should().OnlyContain(s => s.At >= s.Event.Offset && s.At <= s.Event.Offset + TimerWheelScheduler.Resolution + TimeSpan.FromMilliseconds(0.3));
        seen[^1].Event.Should().BeOfType<SessionCompleted>().Which.Offset.Should().Be(TimeSpan.FromSeconds(16));
        completedAt.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(16));
        wheel.PendingCount.Should().Be(0, "a completed session holds no timer");
    }

    [Fact]
    public void Pace_DisposedMidSession_FreesItsTimerAndStopsEvents()
    {
        using var wheel = CreateSut();
        var pacer = new BreathPacer(new BreathPacingOptions { Scheduler = wheel });
        var count = 0;
        var subscription = pacer.Pace(BreathingTechniques.ThreePartBreath()).Subscribe(_ => count++);
        Advance(wheel, TimeSpan.FromSeconds(2));
        wheel.PendingCount.Should().Be(1, "a session arms only its next boundary");
        var before = count;

        subscription.Dispose();

        wheel.PendingCount.Should().Be(0);
        Advance(wheel, TimeSpan.FromSeconds(10));
        count.Should().Be(before);
    }

    [Fact]
    public void Start_PausedAndResumedOnWheel_ShiftsLaterEventsByThePause()
    {
        using var wheel = CreateSut();
        var pacer = new BreathPacer(new BreathPacingOptions { Scheduler = wheel });
        var start = _clock.GetTimestamp();
        using var session = pacer.Start(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(1));
        var seen = new List<(TimeSpan At, BreathEvent Event)>();
        using var subscription = session.Events.Subscribe(e => seen.Add((_clock.GetElapsedTime(start), e)));

        AdvanceInSteps(wheel, TimeSpan.FromSeconds(2));
        session.Pause();
        AdvanceInSteps(wheel, TimeSpan.FromSeconds(5));
        wheel.PendingCount.Should().Be(0, "a paused session holds no timer");
        session.Resume();
        AdvanceInSteps(wheel, TimeSpan.FromSeconds(7));

        var exhale = seen.Single(s => s.Event is PhaseStarted { PhaseIndex: 1 });
        exhale.Event.Offset.Should().Be(TimeSpan.FromSeconds(4));
        exhale.At.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(9)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(9) + TimerWheelScheduler.Resolution);
        session.State.Should().Be(BreathSessionState.Completed);
    }

    [Fact]
    public void Dispose_FromInsideAnActionWithSessionsDueInTheSameSlot_DropsThemWithoutError()
    {
        var wheel = CreateSut();
        var pacer = new BreathPacer(new BreathPacingOptions { Scheduler = wheel });
        var count = 0;
        using var first = pacer.Pace(BreathingTechniques.ThreePartBreath()).Subscribe(_ => count++);
        wheel.Schedule(0, TimeSpan.Zero, (_, _) =>
        {
            wheel.Dispose();
            return Disposable.Empty;
        });
        using var second = pacer.Pace(BreathingTechniques.ThreePartBreath()).Subscribe(_ => count++);

        var act = () => AdvanceInSteps(wheel, TimeSpan.FromSeconds(3));

        act.Should().NotThrow();
        wheel.PendingCount.Should().Be(0);
        count.Should().BeLessThanOrEqualTo(3, "at most the first session's start arrived before the wheel was disposed");
    }

    [Fact]
    public void Dispose_SharedInstance_DoesNothing()
    {
        TimerWheelScheduler.Shared.Dispose();

        var act = () => TimerWheelScheduler.Shared.Schedule(0, TimeSpan.FromHours(1), (_, _) => Disposable.Empty).Dispose();
        act.Should().NotThrow();
    }

    [Fact]
    [Trait("Category", "RealTime")]
    public void Schedule_OnItsOwnThread_RunsEachItemNotEarlyAndSoon()
    {
        using var wheel = new TimerWheelScheduler();
        var dues = new[] { 5, 20, 45 }.Select(ms => TimeSpan.FromMilliseconds(ms)).ToArray();
        var ranAfter = new TimeSpan[dues.Length];
        using var done = new CountdownEvent(dues.Length);
        var started = Stopwatch.StartNew();
        for (var i = 0; i < dues.Length; i++)
        {
            wheel.Schedule(i, dues[i], (_, index) =>
            {
                ranAfter[index] = started.Elapsed;
                done.Signal();
                return Disposable.Empty;
            });
        }

        done.Wait(TimeSpan.FromSeconds(5)).Should().BeTrue();
        for (var i = 0; i < dues.Length; i++)
        {
            ranAfter[i].Should().BeGreaterThanOrEqualTo(dues[i]).And.BeLessThan(dues[i] + TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void Schedule_DueNowOnAFakeClock_RunsOnTheNextPassWithoutTheClockMoving()
    {
        using var wheel = CreateSut();
        var ran = false;
        wheel.Schedule(0, TimeSpan.Zero, (_, _) => Ran(ref ran));

        wheel.RunDue();

        ran.Should().BeTrue("an action already due does not wait for the current 1 ms slot to end");
    }

    [Fact]
    public void RunDue_AfterAnIdleDay_RunsTheNextActionOnTimeAndWalksNoIdleSlots()
    {
        using var wheel = CreateSut();
        var first = false;
        wheel.Schedule(0, TimeSpan.FromMilliseconds(5), (_, _) => Ran(ref first));
        AdvanceInSteps(wheel, TimeSpan.FromMilliseconds(10));
        first.Should().BeTrue();

        _clock.Advance(TimeSpan.FromHours(24)); // idle: nothing pending, the wheel's thread would sleep
        wheel.RunDue();
        var visited = wheel.SlotsVisited;
        var start = _clock.GetTimestamp();
        TimeSpan? ranAt = null;
        wheel.Schedule(0, TimeSpan.FromMilliseconds(1), (_, _) =>
        {
            ranAt = _clock.GetElapsedTime(start);
            return Disposable.Empty;
        });
        for (var i = 0; i < 4 && ranAt is null; i++)
        {
            Advance(wheel, TimeSpan.FromMilliseconds(0.5));
        }

        ranAt.Should().NotBeNull().And.Subject.Should().BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(1) + TimeSpan.FromMilliseconds(2));
        (wheel.SlotsVisited - visited).Should().BeLessThan(10, "waking after a day costs O(pending), not a walk through 86,400,000 empty slots");
    }

    [Fact]
    public void RunDue_AfterTheThreadWasStarvedForAnHour_RunsEveryPendingActionOnceInDueOrder()
    {
        using var wheel = CreateSut();
        var order = new List<int>();
        foreach (var (id, ms) in new[] { (3, 50_000), (1, 1_000), (2, 20_000), (4, 7_200_000) })
        {
            wheel.Schedule(id, TimeSpan.FromMilliseconds(ms), (_, i) =>
            {
                order.Add(i);
                return Disposable.Empty;
            });
        }

        _clock.Advance(TimeSpan.FromHours(1)); // pending actions, but the wheel never ran: more than a turn of slots behind
        wheel.RunDue();

        order.Should().Equal(1, 2, 3);
        wheel.PendingCount.Should().Be(1, "the one due in two hours waits");
    }

    private TimerWheelScheduler CreateSut() => new(_clock, startThread: false);

    private void Advance(TimerWheelScheduler wheel, TimeSpan by)
    {
        _clock.Advance(by);
        wheel.RunDue();
    }

    private void AdvanceInSteps(TimerWheelScheduler wheel, TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(0.5);
        for (var done = TimeSpan.Zero; done < by; done += step)
        {
            Advance(wheel, step);
        }
    }

    private static IDisposable Ran(ref bool ran)
    {
        ran = true;
        return Disposable.Empty;
    }
}
