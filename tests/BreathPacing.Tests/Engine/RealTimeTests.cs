using System.Diagnostics;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;

namespace BreathPacing.Tests.Engine;

/// <summary>
/// The few checks on the real clock (Rx's default scheduler): tolerant of a busy CI machine, strict only
/// on what must never happen — an event observed before its ideal instant.
/// </summary>
[Trait("Category", "RealTime")]
public class RealTimeTests
{
    [Fact]
    public async Task Pace_OnTheRealClock_NeverDeliversAnEventEarly()
    {
        var pattern = BreathPattern.Create("fast").Inhale(TimeSpan.FromMilliseconds(40), segments: s => s.AddEqual("a", "b", "c")).Exhale(TimeSpan.FromMilliseconds(60)).Build();
        var observed = new List<(TimeSpan At, TimeSpan Ideal)>();
        var clock = Stopwatch.StartNew(); // started before the session: an early event would show as At < Ideal

        await new BreathPacer().Pace(pattern, SessionLength.Cycles(15))
            .Do(e => observed.Add((clock.Elapsed, e.Offset)))
            .LastAsync()
            .Timeout(TimeSpan.FromSeconds(30));

        observed.Should().HaveCount(2 + (15 * 6));
        observed.Should().OnlyContain(o => o.At >= o.Ideal, "no event may arrive before its ideal instant");
        var lastLateness = observed[^1].At - observed[^1].Ideal;
        lastLateness.Should().BeLessThan(TimeSpan.FromMilliseconds(500), "the last event is as accurate as the first (tolerant bound for a loaded CI machine)");
    }

    [Fact]
    public async Task Session_OnTheRealClock_PausesAndCompletes()
    {
        var pattern = BreathPattern.Create("fast").Inhale(TimeSpan.FromMilliseconds(50)).Exhale(TimeSpan.FromMilliseconds(50)).Build();
        using var session = new BreathPacer().Start(pattern, SessionLength.Cycles(3));
        var paused = new TaskCompletionSource();
        var completed = session.Events
            .Do(e =>
            {
                // Paused from inside a callback on the wheel's thread, so a loaded machine cannot finish the session first.
                if (e is SessionStarted)
                {
                    session.Pause();
                }
                else if (e is SessionPaused)
                {
                    paused.SetResult();
                }
            })
            .OfType<SessionCompleted>().FirstAsync().Timeout(TimeSpan.FromSeconds(30)).ToTask();

        await paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(100);
        session.Resume();
        var summary = (await completed).Summary;

        summary.CompletedCycles.Should().Be(3);
        summary.ActiveTime.Should().Be(TimeSpan.FromMilliseconds(300));
        summary.PausedTime.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(90));
    }
}
