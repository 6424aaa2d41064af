using BreathPacing.Practice;
using CsCheck;
using static BreathPacing.Tests.Practice.PracticeGen;

namespace BreathPacing.Tests.Practice;

public class PracticeStatisticsTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    private static readonly TimeZoneInfo PlusOne = TimeZoneInfo.CreateCustomTimeZone("Test/PlusOne", TimeSpan.FromHours(1), "UTC+1", "UTC+1");

    /// <summary>A zone an hour ahead of UTC in winter and two in summer (last Sunday of March to last Sunday of October).</summary>
    private static readonly TimeZoneInfo Central = TimeZoneInfo.CreateCustomTimeZone(
        "Test/Central",
        TimeSpan.FromHours(1),
        "Central",
        "Central Standard",
        "Central Summer",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2000, 1, 1),
                new DateTime(2099, 12, 31),
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);

    private static PracticeRecord At(DateTimeOffset endedAt, double minutes = 2, string? techniqueId = BreathingTechniques.ThreePartBreathId, double seconds = 4, PracticeFeeling? felt = null) =>
        new(endedAt, techniqueId, "Pattern", null, seconds, seconds, seconds, null, 1, TimeSpan.FromMinutes(minutes), false, felt);

    private static DateTimeOffset On(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Days_AreCutAtMidnightInTheZoneGiven()
    {
        // 23:30 UTC on 2 March is 00:30 on 3 March an hour east.
        var records = new[] { At(On(3, 2, 23, 30)) };

        PracticeStatistics.Of(records, On(3, 3, 12), Utc).Days.Select(d => (d.Date, d.Sessions)).Should().Equal((new DateOnly(2026, 3, 2), 1), (new DateOnly(2026, 3, 3), 0));
        PracticeStatistics.Of(records, On(3, 3, 12), PlusOne).Days.Select(d => (d.Date, d.Sessions)).Should().Equal((new DateOnly(2026, 3, 3), 1));
    }

    [Fact]
    public void Days_FollowDaylightSavingTimeOfTheZone()
    {
        // 22:30 UTC is 23:30 on the same day in winter, but 00:30 the next day in summer.
        var winter = At(On(1, 10, 22, 30));
        var summer = At(On(7, 10, 22, 30));

        var days = PracticeStatistics.Of([winter, summer], On(7, 12, 12), Central).Days.Where(d => d.Sessions > 0).Select(d => d.Date);

        days.Should().Equal(new DateOnly(2026, 1, 10), new DateOnly(2026, 7, 11));
    }

    [Fact]
    public void Days_RecordsStampedInAnotherOffset_CountInTheZoneGiven()
    {
        // Practised in New York at 20:00 on 2 March (-05:00): 01:00 on 3 March in UTC.
        var record = At(new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.FromHours(-5)));

        PracticeStatistics.Of([record], On(3, 3, 12), Utc).Days.Single().Date.Should().Be(new DateOnly(2026, 3, 3));
    }

    [Fact]
    public void Figures_ForAWeekOfPractice()
    {
        // Mon, Mon, Tue, Thu, Fri, Sat; today is Sunday 8 March, not practised yet.
        var records = new[]
        {
            At(On(3, 2, 8), 3), At(On(3, 2, 19), 2), At(On(3, 3, 19), 4), At(On(3, 5, 19), 5), At(On(3, 6, 19), 5), At(On(3, 7, 19), 6, BreathingTechniques.OceansBreathId),
        };

        var stats = PracticeStatistics.Of(records, On(3, 8, 10), Utc);

        stats.Today.Should().Be(new DateOnly(2026, 3, 8));
        stats.Sessions.Should().Be(6);
        stats.ActiveTime.Should().Be(TimeSpan.FromMinutes(25));
        stats.Days.Select(d => d.Sessions).Should().Equal(2, 1, 0, 1, 1, 1, 0);
        stats.Days[0].ActiveTime.Should().Be(TimeSpan.FromMinutes(5));
        stats.CurrentStreak.Should().Be(3, "Thursday to Saturday, and Sunday is not over");
        stats.LongestStreak.Should().Be(3);
        stats.Weeks.Should().ContainSingle().Which.Should().Be(new PracticeWeek(new DateOnly(2026, 3, 2), 6, 5, TimeSpan.FromMinutes(25)));
    }

    [Fact]
    public void CurrentStreak_IncludesTodayOnceThereIsASession_AndEndsAfterAMissedDay()
    {
        var records = new[] { At(On(3, 6, 19)), At(On(3, 7, 19)) };

        PracticeStatistics.Of([.. records, At(On(3, 8, 9))], On(3, 8, 10), Utc).CurrentStreak.Should().Be(3);
        PracticeStatistics.Of(records, On(3, 8, 23, 59), Utc).CurrentStreak.Should().Be(2);
        PracticeStatistics.Of(records, On(3, 9, 0, 1), Utc).CurrentStreak.Should().Be(0);
        PracticeStatistics.Of(records, On(3, 9, 0, 1), Utc).LongestStreak.Should().Be(2);
    }

    [Fact]
    public void Weeks_StartOnTheDayGiven_AndIncludeWeeksWithoutPractice()
    {
        var records = new[] { At(On(3, 1, 12)), At(On(3, 16, 12)) }; // a Sunday, and a Monday two weeks later

        var monday = PracticeStatistics.Of(records, On(3, 16, 13), Utc).Weeks;
        var sunday = PracticeStatistics.Of(records, On(3, 16, 13), Utc, DayOfWeek.Sunday).Weeks;

        monday.Select(w => (w.FirstDay, w.Sessions)).Should().Equal((new DateOnly(2026, 2, 23), 1), (new DateOnly(2026, 3, 2), 0), (new DateOnly(2026, 3, 9), 0), (new DateOnly(2026, 3, 16), 1));
        sunday.Select(w => (w.FirstDay, w.Sessions)).Should().Equal((new DateOnly(2026, 3, 1), 1), (new DateOnly(2026, 3, 8), 0), (new DateOnly(2026, 3, 15), 1));
    }

    [Fact]
    public void Techniques_LevelOverTime_OnePointPerSessionInOrder()
    {
        var records = new[]
        {
            At(On(3, 4, 19), seconds: 5, felt: PracticeFeeling.Easy),
            At(On(3, 2, 19), seconds: 4, felt: PracticeFeeling.Easy),
            At(On(3, 3, 19), techniqueId: BreathingTechniques.OceansBreathId, seconds: 4),
            At(On(3, 5, 19), techniqueId: null, seconds: 3),
        };

        var stats = PracticeStatistics.Of(records, On(3, 6, 12), Utc);

        stats.Techniques.Select(t => t.TechniqueId).Should().Equal(BreathingTechniques.OceansBreathId, BreathingTechniques.ThreePartBreathId);
        var threePart = stats.Techniques[1];
        threePart.Sessions.Should().Be(2);
        threePart.Levels.Select(l => (l.Date, l.StartSeconds, l.Feeling)).Should().Equal(
            (new DateOnly(2026, 3, 2), 4.0, (PracticeFeeling?)PracticeFeeling.Easy),
            (new DateOnly(2026, 3, 4), 5.0, (PracticeFeeling?)PracticeFeeling.Easy));
        stats.Sessions.Should().Be(4, "a custom pattern counts in the totals");
    }

    [Fact]
    public void NoRecords_GiveZerosAndEmptySeries()
    {
        var stats = PracticeStatistics.Of([], On(3, 6, 12), PlusOne);

        (stats.Sessions, stats.CurrentStreak, stats.LongestStreak, stats.ActiveTime).Should().Be((0, 0, 0, TimeSpan.Zero));
        stats.Days.Should().BeEmpty();
        stats.Weeks.Should().BeEmpty();
        stats.Today.Should().Be(new DateOnly(2026, 3, 6));
    }

    [Fact]
    public void RandomJournals_SeriesAddUpToTheTotals() =>
        Gen.Select(Journal, Instant, Gen.Enum<DayOfWeek>()).Sample((records, now, firstDay) =>
        {
            var stats = PracticeStatistics.Of(records, now, PlusOne, firstDay);

            stats.Days.Sum(d => d.Sessions).Should().Be(records.Length);
            stats.Weeks.Sum(w => w.Sessions).Should().Be(records.Length);
            stats.Weeks.Sum(w => w.DaysPractised).Should().Be(stats.Days.Count(d => d.Sessions > 0));
            new TimeSpan(stats.Days.Sum(d => d.ActiveTime.Ticks)).Should().Be(stats.ActiveTime);
            stats.Days.Select(d => d.Date).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            stats.Days.Zip(stats.Days.Skip(1), (a, b) => b.Date.DayNumber - a.Date.DayNumber).Where(gap => gap != 1).Should().BeEmpty("the series has every day");
            stats.Weeks.Where(w => w.FirstDay.DayOfWeek != firstDay || w.DaysPractised > 7).Should().BeEmpty();
            if (records.Length > 0)
            {
                stats.Days[^1].Date.Should().BeOnOrAfter(stats.Today);
            }
            stats.CurrentStreak.Should().BeLessThanOrEqualTo(stats.LongestStreak);
            stats.Techniques.Sum(t => t.Sessions).Should().Be(records.Count(r => r.TechniqueId is not null));
        }, iter: 500);
}
