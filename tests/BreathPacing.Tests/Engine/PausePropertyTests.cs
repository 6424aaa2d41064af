using BreathPacing.Tests.Support;
using CsCheck;

namespace BreathPacing.Tests.Engine;

public class PausePropertyTests
{
    private static readonly Gen<(BreathPattern Pattern, int Cycles, (int AtMs, int ForMs)[] Pauses)> Cases =
        Gen.Select(Arbitrary.Pattern, Gen.Int[1, 4], Gen.Select(Gen.Int[0, 60_000], Gen.Int[1, 30_000]).Array[0, 4]);

    private static List<(BreathEvent Event, TimeSpan At)> Run(BreathPattern pattern, int cycles, (int AtMs, int ForMs)[] pauses)
    {
        var time = new VirtualTime();
        using var session = new BreathPacer().Start(pattern, SessionLength.Cycles(cycles), time.Scheduler);
        using var recorder = time.Record(session.Events);
        foreach (var (at, duration) in pauses.OrderBy(p => p.AtMs))
        {
            var pauseAt = TimeSpan.FromMilliseconds(at);
            if (pauseAt > time.Elapsed)
            {
                time.AdvanceTo(pauseAt);
            }

            session.Pause();
            time.AdvanceBy(TimeSpan.FromMilliseconds(duration));
            session.Resume();
        }

        time.AdvanceBy(TimeSpan.FromDays(1));
        return recorder.Values.Select(v => (v.Value, v.At)).ToList();
    }

    [Fact]
    public void Pause_NeverChangesTheSequenceOnlyItsTiming()
    {
        Cases.Sample((pattern, cycles, pauses) =>
        {
            var plain = Run(pattern, cycles, []);
            var paused = Run(pattern, cycles, pauses);

            static string Key(BreathEvent e) => e switch
            {
                PhaseStarted p => $"P{p.CycleIndex}.{p.PhaseIndex}@{p.Offset.Ticks}",
                SegmentStarted s => $"S{s.CycleIndex}.{s.PhaseIndex}.{s.SegmentIndex}@{s.Offset.Ticks}",
                CycleCompleted c => $"C{c.CycleIndex}@{c.Offset.Ticks}",
                SessionCompleted c => $"E{c.Summary.CompletedCycles}@{c.Offset.Ticks}",
                _ => e.Kind.ToString(),
            };

            var withoutPauses = paused.Where(e => e.Event is not (SessionPaused or SessionResumed)).ToList();
            withoutPauses.Select(e => Key(e.Event)).Should().Equal(plain.Select(e => Key(e.Event)));

            // Timing: each event is observed at its ideal offset plus the pauses taken before it, never earlier.
            var pausedSoFar = TimeSpan.Zero;
            foreach (var (e, at) in paused)
            {
                if (e is SessionResumed r)
                {
                    pausedSoFar += r.PausedFor;
                }
                else if (e is not SessionPaused)
                {
                    at.Should().Be(e.Offset + pausedSoFar);
                }
            }
        }, iter: 150);
    }
}
