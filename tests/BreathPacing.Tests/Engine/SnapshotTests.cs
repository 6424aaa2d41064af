using System.Reactive.Concurrency;
using System.Text.Json;
using BreathPacing.Serialization;
using BreathPacing.Tests.Support;
using CsCheck;
using Json.Schema;
using Microsoft.Extensions.Time.Testing;

namespace BreathPacing.Tests.Engine;

/// <summary>
/// Sessions that survive: a snapshot taken anywhere restores anywhere, and the restored session carries on where the
/// original would be, with the same sequence numbers and ideal offsets, delivering nothing twice.
/// </summary>
public class SnapshotTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static BreathPattern OneOne => BreathPattern.Create("1-1").Inhale(S(1)).Exhale(S(1)).Build();

    /// <summary>A script of pauses, applied from outside at virtual instants: (at, for how long), in milliseconds.</summary>
    private static readonly Gen<(int AtMs, int ForMs)[]> Pauses = Gen.Select(Gen.Int[0, 40_000], Gen.Int[1, 20_000]).Array[0, 3];

    [Fact]
    public void Restore_AtTheSameInstant_ConcatenatedStreamsEqualTheUninterruptedRun()
    {
        Gen.Select(PatternGen.PlainPattern, Gen.Int[1, 4], Pauses, Gen.Int[0, 60_000]).Sample((pattern, cycles, pauses, cutMs) =>
        {
            var script = pauses.OrderBy(p => p.AtMs).ToArray();
            var whole = Run(pattern, cycles, script, cutMs: null);
            var cut = Run(pattern, cycles, script, cutMs);

            cut.Should().Equal(whole, "a session snapshotted, written to JSON, read back and restored is the same session");
        }, iter: 200);
    }

    [Fact]
    public void Restore_ThirtySecondsLater_SkipsAheadWithOneEventThenCarriesOnExactly()
    {
        var time = new VirtualTime();
        using var original = new BreathPacer().Start(OneOne, SessionLength.Cycles(50), time.Scheduler);
        time.AdvanceBySeconds(5.5);
        var snapshot = original.Snapshot();
        original.Dispose();

        var later = new HistoricalScheduler(time.Scheduler.Now + S(30)); // the app was killed, and opened again 30 s later
        var restored = new BreathPacer().Restore(snapshot, later);
        var seen = new Recording();
        using var subscription = restored.Events.Subscribe(seen);
        later.AdvanceBy(S(2));

        seen.Events[0].Sequence.Should().Be(snapshot.Sequence, "nothing the original delivered is delivered again");
        var skipped = seen.Events[0].Should().BeOfType<SessionSkippedAhead>().Which;
        skipped.MissedFrom.Should().Be(S(6));
        skipped.Offset.Should().Be(S(35.5));
        seen.Events.Skip(1).Select(e => e.Offset).Should().OnlyContain(o => o >= S(36) && o <= S(37.5));
        restored.Position.Elapsed.Should().Be(S(37.5));
        seen.AssertWellFormed();
    }

    [Fact]
    public void Restore_WithReplayMissed_DeliversEveryMissedEventWithItsIdealOffset()
    {
        var time = new VirtualTime();
        using var original = new BreathPacer().Start(OneOne, SessionLength.Cycles(50), time.Scheduler);
        var first = new Recording();
        using (original.Events.Subscribe(first))
        {
            time.AdvanceBySeconds(5.5);
        }

        var snapshot = original.Snapshot();
        var later = new HistoricalScheduler(time.Scheduler.Now + S(10));
        var restored = new BreathPacer(new BreathPacingOptions { LateWakePolicy = LateWakePolicy.ReplayMissed }).Restore(snapshot, later);
        var seen = new Recording();
        using var subscription = restored.Events.Subscribe(seen);
        later.AdvanceBy(TimeSpan.Zero);

        var reference = new Recording();
        var uninterrupted = new VirtualTime();
        using (new BreathPacer().Pace(OneOne, SessionLength.Cycles(50), uninterrupted.Scheduler).Subscribe(reference))
        {
            uninterrupted.AdvanceBySeconds(15.5);
        }

        first.Events.Concat(seen.Events).Should().Equal(reference.Events);
    }

    [Fact]
    public void Restore_PausedSession_IsPausedAndCountsThePauseOnResume()
    {
        var time = new VirtualTime();
        using var original = new BreathPacer().Start(OneOne, SessionLength.Cycles(5), time.Scheduler);
        time.AdvanceBySeconds(3.5);
        original.Pause();
        time.AdvanceBySeconds(4);
        var snapshot = original.Snapshot();

        snapshot.State.Should().Be(BreathSessionState.Paused);
        snapshot.PausedTime.Should().Be(S(4));
        var later = new HistoricalScheduler(time.Scheduler.Now + S(6));
        using var restored = new BreathPacer().Restore(snapshot, later);
        var seen = new Recording();
        using var subscription = restored.Events.Subscribe(seen);
        later.AdvanceBy(S(5));

        restored.State.Should().Be(BreathSessionState.Paused);
        seen.Events.Should().BeEmpty("a paused session stays paused");
        restored.Resume();
        later.AdvanceBy(S(20));

        var resumed = seen.Events[0].Should().BeOfType<SessionResumed>().Which;
        resumed.Offset.Should().Be(S(3.5));
        resumed.PausedFor.Should().Be(S(15), "4 s before the snapshot, 6 s while the app was closed, 5 s after");
        seen.Events[^1].Should().BeOfType<SessionCompleted>().Which.Summary.PausedTime.Should().Be(S(15));
    }

    [Fact]
    public void Restore_CompletedSession_Completes()
    {
        var time = new VirtualTime();
        using var original = new BreathPacer().Start(OneOne, SessionLength.Cycles(2), time.Scheduler);
        time.AdvanceBySeconds(1);
        original.Stop();
        time.AdvanceBySeconds(1);
        var snapshot = original.Snapshot();

        using var restored = new BreathPacer().Restore(snapshot, new HistoricalScheduler(time.Scheduler.Now));
        var seen = new Recording();
        using var subscription = restored.Events.Subscribe(seen);

        snapshot.State.Should().Be(BreathSessionState.Completed);
        restored.State.Should().Be(BreathSessionState.Completed);
        restored.Position.IsComplete.Should().BeTrue();
        seen.Events.Should().BeEmpty();
        seen.Completed.Should().Be(1);
        var history = new Recording();
        using var all = restored.EventsAfter(-1).Subscribe(history);
        history.Events[^1].Should().BeOfType<SessionCompleted>().Which.Summary.EndedEarly.Should().BeTrue();
    }

    [Fact]
    public void Restore_EventsAfterAnEarlierSequence_ReachesBackBeforeTheRestorePoint()
    {
        var time = new VirtualTime();
        using var original = new BreathPacer().Start(OneOne, SessionLength.Cycles(10), time.Scheduler);
        var live = new Recording();
        using var a = original.Events.Subscribe(live);
        time.AdvanceBySeconds(6.5);
        var snapshot = original.Snapshot();

        using var restored = new BreathPacer().Restore(snapshot, new HistoricalScheduler(time.Scheduler.Now));
        var resumedClient = new Recording();
        using var b = restored.EventsAfter(3).Subscribe(resumedClient); // a client whose last event id was 3

        resumedClient.Events.Should().Equal(live.Events.Skip(4), "the restored session regenerates its history from the snapshot");
    }

    [Fact]
    public void Restore_OnAFakeTimeProvider_RunsOnItsClock()
    {
        var clock = new FakeTimeProvider(VirtualTime.Epoch);
        var pacer = new BreathPacer(new BreathPacingOptions { TimeProvider = clock });
        using var original = pacer.Start(OneOne, SessionLength.Cycles(3));
        clock.Advance(S(2.5));
        var snapshot = original.Snapshot();
        original.Dispose();

        using var restored = pacer.Restore(snapshot);
        var seen = new Recording();
        using var subscription = restored.Events.Subscribe(seen);
        for (var i = 0; i < 40; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        snapshot.StartedAt.Should().Be(VirtualTime.Epoch);
        seen.Events.Select(e => e.Offset).Should().Equal(S(3), S(4), S(4), S(5), S(6), S(6));
        seen.Events[^1].Should().BeOfType<SessionCompleted>();
    }

    [Fact]
    public void TryApply_TwoInstancesOfOneSession_PauseAndStopOnOneReachTheOther_SameEventsOnBoth()
    {
        var time = new VirtualTime();
        var pacer = new BreathPacer(new BreathPacingOptions { LateWakePolicy = LateWakePolicy.ReplayMissed });
        using var a = pacer.Start(OneOne, SessionLength.Cycles(10), time.Scheduler);
        time.AdvanceBySeconds(1.5);
        using var b = pacer.Restore(a.Snapshot(), time.Scheduler); // a second instance, streaming the same session
        var onA = new Recording();
        var onB = new Recording();
        using var sa = a.EventsAfter(-1).Subscribe(onA);
        using var sb = b.EventsAfter(-1).Subscribe(onB);
        time.AdvanceBySeconds(2.2);

        a.Pause(); // on instance A; B learns of it from the newer snapshot
        b.TryApply(a.Snapshot()).Should().BeTrue();
        time.AdvanceBySeconds(5);
        a.Resume();
        b.TryApply(a.Snapshot()).Should().BeTrue();
        time.AdvanceBySeconds(3.3);
        b.Stop(); // and the other way round
        a.TryApply(b.Snapshot()).Should().BeTrue();
        time.AdvanceBySeconds(30);

        onB.Events.Should().Equal(onA.Events);
        onA.Events.Select(e => e.Kind).Should().Contain([BreathEventKind.SessionPaused, BreathEventKind.SessionResumed]);
        onA.Events[^1].Should().BeOfType<SessionCompleted>().Which.Summary.EndedEarly.Should().BeTrue();
        b.State.Should().Be(BreathSessionState.Completed);
    }

    [Fact]
    public void TryApply_ThisInstanceAlreadyEmittedPastTheChange_ReturnsFalseAndChangesNothing()
    {
        var time = new VirtualTime();
        var pacer = new BreathPacer();
        using var a = pacer.Start(OneOne, SessionLength.Cycles(10), time.Scheduler);
        time.AdvanceBySeconds(0.5);
        var stale = new HistoricalScheduler(time.Scheduler.Now);
        using var b = pacer.Restore(a.Snapshot(), stale);
        time.AdvanceBySeconds(0.4);
        a.Pause(); // at 0.9 s
        stale.AdvanceBy(S(0.7)); // B has already emitted the exhale at 1 s

        b.TryApply(a.Snapshot()).Should().BeFalse();
        b.State.Should().Be(BreathSessionState.Running);
        b.Snapshot().History.Should().BeEmpty();
        FluentActions.Invoking(() => b.TryApply(pacer.Start(BreathingTechniques.OceansBreath(), null, time.Scheduler).Snapshot()))
            .Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Json_RoundTrip_IsEqualAndValidAgainstTheSchema()
    {
        var time = new VirtualTime();
        using var session = new BreathPacer().Start(BreathingTechniques.ThreePartBreath(), SessionLength.Minutes(2), time.Scheduler);
        time.AdvanceBySeconds(7);
        session.Pause();
        time.AdvanceBySeconds(3);
        session.Resume();
        time.Scheduler.Sleep(S(5));
        time.AdvanceBySeconds(1);
        session.Pause();
        var snapshot = session.Snapshot();

        var json = BreathSessionSnapshotJson.Serialize(snapshot);

        BreathSessionSnapshotJson.Deserialize(json).Should().Be(snapshot);
        snapshot.History.Select(h => h.Kind).Should().Equal(
            BreathSessionChangeKind.Paused, BreathSessionChangeKind.Resumed, BreathSessionChangeKind.SkippedAhead, BreathSessionChangeKind.Paused);
        var folder = Path.Combine(AppContext.BaseDirectory, "Serialization");
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() }; // the snapshot's schema refers to the pattern's
        JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, "breath-pattern.schema.json")), build);
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, "breath-session-snapshot.schema.json")), build);
        schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid.Should().BeTrue(json);
    }

    [Theory]
    [InlineData("""{"version":2}""", "$.version")]
    [InlineData("""{"version":1,"pattern":{"version":1,"name":"x","phases":[{"kind":"inhale","duration":1},{"kind":"exhale","duration":-1}]}}""", "$.pattern.phases[1].duration")]
    [InlineData("""{"version":1,"pattern":PATTERN,"length":{"kind":"cycles","cycles":0},"startedAt":"2026-01-01T00:00:00Z","takenAt":"2026-01-01T00:00:10Z","activeTime":1,"state":"running","sequence":1,"history":[]}""", "$.length")]
    [InlineData("""{"version":1,"pattern":PATTERN,"length":{"kind":"openEnded"},"startedAt":"2026-01-01T00:00:00","takenAt":"2026-01-01T00:00:10Z","activeTime":1,"state":"running","sequence":1,"history":[]}""", "$.startedAt")]
    [InlineData("""{"version":1,"pattern":PATTERN,"length":{"kind":"openEnded"},"startedAt":"2026-01-01T00:00:00Z","takenAt":"2026-01-01T00:00:10Z","activeTime":1,"state":"running","sequence":1,"history":[{"kind":"napped","at":0}]}""", "$.history[0].kind")]
    [InlineData("""{"version":1,"pattern":PATTERN,"length":{"kind":"openEnded"},"startedAt":"2026-01-01T00:00:00Z","takenAt":"2026-01-01T00:00:10Z","activeTime":1,"state":"running","sequence":1,"history":[],"extra":1}""", "$.extra")]
    [InlineData("""{"version":1,"pattern":PATTERN,"length":{"kind":"openEnded"},"startedAt":"2026-01-01T00:00:00Z","takenAt":"2026-01-01T00:00:10Z","activeTime":1,"state":"paused","sequence":1,"history":[]}""", "$")]
    [InlineData("""{"version":1,"pattern":PATTERN,"length":{"kind":"openEnded"},"startedAt":"2026-01-01T00:00:00Z","takenAt":"2026-01-01T00:00:10Z","activeTime":1,"state":"running","sequence":99,"history":[]}""", "$")]
    public void Json_Invalid_ThrowsNamingThePath(string json, string path)
    {
        json = json.Replace("PATTERN", BreathPatternJson.Serialize(OneOne), StringComparison.Ordinal);

        var act = () => BreathSessionSnapshotJson.Deserialize(json);

        act.Should().Throw<BreathSessionSnapshotJsonException>().Which.Path.Should().Be(path);
    }

    /// <summary>
    /// Runs the pause script on virtual time to the end, once straight through, or (with a cut) snapshotting at the cut,
    /// writing the snapshot to JSON and back, and restoring it on a fresh pacer and scheduler at the same UTC instant,
    /// which then takes the rest of the script. Returns every event delivered, in order.
    /// </summary>
    private static List<BreathEvent> Run(BreathPattern pattern, int cycles, (int AtMs, int ForMs)[] script, int? cutMs)
    {
        var events = new List<BreathEvent>();
        var time = new HistoricalScheduler(VirtualTime.Epoch);
        var session = new BreathPacer().Start(pattern, SessionLength.Cycles(cycles), time);
        var subscription = session.Events.Subscribe(events.Add);
        var cut = cutMs is { } c ? VirtualTime.Epoch + TimeSpan.FromMilliseconds(c) : DateTimeOffset.MaxValue;
        var steps = new List<(DateTimeOffset At, bool Pause)>();
        var clock = VirtualTime.Epoch;
        foreach (var (at, duration) in script)
        {
            var pauseAt = VirtualTime.Epoch + TimeSpan.FromMilliseconds(at);
            clock = pauseAt > clock ? pauseAt : clock;
            steps.Add((clock, true));
            clock += TimeSpan.FromMilliseconds(duration);
            steps.Add((clock, false));
        }

        void AdvanceTo(DateTimeOffset instant)
        {
            if (cut > time.Now && cut <= instant)
            {
                time.AdvanceTo(cut);
                var json = BreathSessionSnapshotJson.Serialize(session.Snapshot());
                subscription.Dispose();
                session.Dispose();
                time = new HistoricalScheduler(cut);
                session = new BreathPacer().Restore(BreathSessionSnapshotJson.Deserialize(json), time);
                subscription = session.Events.Subscribe(events.Add);
            }

            time.AdvanceTo(instant > time.Now ? instant : time.Now);
        }

        foreach (var (at, pause) in steps)
        {
            AdvanceTo(at);
            if (pause)
            {
                session.Pause();
            }
            else
            {
                session.Resume();
            }
        }

        AdvanceTo(VirtualTime.Epoch + TimeSpan.FromDays(1));
        subscription.Dispose();
        return events;
    }
}
