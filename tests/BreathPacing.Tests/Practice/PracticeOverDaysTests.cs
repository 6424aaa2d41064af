using BreathPacing.Practice;
using BreathPacing.Tests.Readme;
using Microsoft.Extensions.Time.Testing;

namespace BreathPacing.Tests.Practice;

[Collection(nameof(ConsoleOutput))]
public class PracticeOverDaysTests
{
    [Fact]
    public async Task ThreeEveningsOfEasyPractice_StartAtFourSecondsAndLengthenAfterTwoEasyInARow()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/PlusOne", TimeSpan.FromHours(1), "UTC+1", "UTC+1");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(zone);
        var pacer = new BreathPacer(new BreathPacingOptions { TimeProvider = clock });
        var journal = new InMemoryPracticeJournal();
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            for (var evening = 0; evening < 3; evening++)
            {
                // The session runs on the same fake clock: move it on until the evening's practice is done.
                var practice = Task.Run(() => PracticeOverDays.RunAsync(pacer, journal, clock));
                for (var step = 0; !practice.IsCompleted && step < 10_000; step++)
                {
                    clock.Advance(TimeSpan.FromMilliseconds(250));
                    await Task.Delay(1);
                }

                await practice.WaitAsync(TimeSpan.FromSeconds(10));
                clock.Advance(TimeSpan.FromDays(1));
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "Begin gently, breathing in for 4 seconds.",
            "How did the breathing feel?",
            "1-day streak, 0.4 min in all",
            "That felt easy. Stay at 4 seconds for now: after 2 easy sessions in a row, the breaths lengthen.",
            "How did the breathing feel?",
            "2-day streak, 0.8 min in all",
            "2 easy sessions in a row: breathe in for 5 seconds now, up from 4.",
            "How did the breathing feel?",
            "3-day streak, 1.3 min in all");
        var kept = await journal.QueryAsync(PracticeQuery.All);
        kept.Select(r => (r.StartSeconds, r.EndedAt.Offset)).Should().Equal((4.0, TimeSpan.FromHours(1)), (4.0, TimeSpan.FromHours(1)), (5.0, TimeSpan.FromHours(1)));
    }
}
