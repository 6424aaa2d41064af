using System.Reactive.Linq;
using BreathPacing.Grounding;
using BreathPacing.Practice;

namespace BreathPacing.Tests.Practice;

/// <summary>
/// The README's "Practice over days" example, compiled and run by <see cref="PracticeOverDaysTests"/>. The lines between
/// the markers are the README's code block, verbatim.
/// </summary>
internal static class PracticeOverDays
{
    public static async Task RunAsync(IBreathPacer pacer, IPracticeJournal journal, TimeProvider clock)
    {
        // <practice-over-days>
        var catalog = GroundingCatalog.Default;
        var technique = BreathingTechniques.ThreePart;

        // Today's settings, from how the last sessions felt: a first session starts at 4 s.
        var history = await journal.QueryAsync(PracticeQuery.ForTechnique(technique.Id));
        PracticeSuggestion next = PracticePlan.Default.Next(technique, history);
        Console.WriteLine(next.Reason.Format(catalog.GetText(next.Reason.TextKey)!, catalog.Culture));

        using var session = pacer.Start(technique.CreatePattern(next.Options), SessionLength.Cycles(3));
        var end = (SessionCompleted)await session.Events.LastAsync();

        // Ask how it felt and keep the session; the time comes from the host's clock, never the library's.
        Console.WriteLine(catalog.GetText(PracticeTextKeys.FeelingQuestion)); // answers: PracticeTextKeys.Feeling(...)
        var felt = PracticeFeeling.Easy;
        await journal.AppendAsync(PracticeRecord.From(end.Summary, session.Timeline, technique.Id, next.Options, felt, clock.GetLocalNow()));

        // Plain figures to chart; days are cut at midnight in the time zone given.
        var all = await journal.QueryAsync(PracticeQuery.All);
        var stats = PracticeStatistics.Of(all, clock.GetLocalNow(), clock.LocalTimeZone);
        Console.WriteLine($"{stats.CurrentStreak}-day streak, {stats.ActiveTime.TotalMinutes:0.#} min in all");

        // Export and import: versioned JSON (all or nothing; sessions already kept are skipped), and CSV.
        string json = PracticeJournalJson.Serialize(all);
        await journal.AppendRangeAsync(PracticeJournalJson.Deserialize(json));
        string csv = PracticeJournalCsv.Write(all);
        // </practice-over-days>
    }
}
