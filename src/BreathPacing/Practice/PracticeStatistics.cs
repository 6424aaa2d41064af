using System.Collections.Immutable;

namespace BreathPacing.Practice;

/// <summary>
/// Plain figures over a journal's records, for a host to show or chart: sessions and active time in all, per day and per
/// week, the current and longest streak of days, and each technique's level over time. Immutable.
/// </summary>
/// <remarks>
/// <para>
/// Days are cut at midnight in the time zone given: a record counts on the local calendar date, in that zone, of its
/// <see cref="PracticeRecord.EndedAt"/>, whatever offset it was stamped with (daylight saving time is the zone's). A session
/// that runs over midnight counts, whole, on the day it ended. Weeks start on the day given (Monday by default, as in ISO 8601).
/// </para>
/// <para>
/// A streak is a run of consecutive days with at least one session. The current streak ends today, or yesterday when there
/// is no session yet today (today is not over), and is 0 otherwise.
/// </para>
/// </remarks>
public sealed class PracticeStatistics
{
    private PracticeStatistics(
        DateOnly today,
        int sessions,
        TimeSpan activeTime,
        int currentStreak,
        int longestStreak,
        ImmutableArray<PracticeDay> days,
        ImmutableArray<PracticeWeek> weeks,
        ImmutableArray<PracticeTechniqueStatistics> techniques)
    {
        Today = today;
        Sessions = sessions;
        ActiveTime = activeTime;
        CurrentStreak = currentStreak;
        LongestStreak = longestStreak;
        Days = days;
        Weeks = weeks;
        Techniques = techniques;
    }

    /// <summary>Today's date in the time zone given.</summary>
    public DateOnly Today { get; }

    /// <summary>How many sessions the records hold.</summary>
    public int Sessions { get; }

    /// <summary>The active time of every session together (pauses excluded).</summary>
    public TimeSpan ActiveTime { get; }

    /// <summary>Consecutive days with a session, ending today (or yesterday when there is none yet today); 0 when neither had one.</summary>
    public int CurrentStreak { get; }

    /// <summary>The longest run of consecutive days with a session.</summary>
    public int LongestStreak { get; }

    /// <summary>
    /// Every day from the first session's to the later of today and the last session's, in order, days without a session
    /// included (with 0): a series to chart as it is. Empty when there are no records.
    /// </summary>
    public ImmutableArray<PracticeDay> Days { get; }

    /// <summary>Every week over the same span as <see cref="Days"/>, in order, weeks without a session included.</summary>
    public ImmutableArray<PracticeWeek> Weeks { get; }

    /// <summary>Each technique's sessions and level over time, ordered by technique id (ordinal). Custom patterns count in the totals only.</summary>
    public ImmutableArray<PracticeTechniqueStatistics> Techniques { get; }

    /// <summary>Works out the figures.</summary>
    /// <param name="records">The records, e.g. a journal's <see cref="PracticeQuery.All"/>; in any order.</param>
    /// <param name="now">The current time, from the host's clock (the library never reads the clock).</param>
    /// <param name="timeZone">Where days are cut, e.g. <see cref="TimeZoneInfo.Local"/> or the person's zone; for a fixed offset, <see cref="TimeZoneInfo.CreateCustomTimeZone(string, TimeSpan, string, string)"/>.</param>
    /// <param name="firstDayOfWeek">The day weeks start on; Monday by default.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDayOfWeek"/> is not a day of the week.</exception>
    public static PracticeStatistics Of(IEnumerable<PracticeRecord> records, DateTimeOffset now, TimeZoneInfo timeZone, DayOfWeek firstDayOfWeek = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(timeZone);
        if (firstDayOfWeek is < DayOfWeek.Sunday or > DayOfWeek.Saturday)
        {
            throw new ArgumentOutOfRangeException(nameof(firstDayOfWeek), firstDayOfWeek, "Expected a day of the week.");
        }

        var today = DateOf(now, timeZone);
        var list = new List<(PracticeRecord Record, DateOnly Date)>();
        foreach (var record in records)
        {
            if (record is null)
            {
                throw new ArgumentException($"Invalid records[{list.Count}] = null: expected a record.", nameof(records));
            }

            list.Add((record, DateOf(record.EndedAt, timeZone)));
        }

        // Stable: records that ended at the same instant keep the order given.
        list = [.. list.OrderBy(x => x.Record.EndedAt.UtcTicks)];
        var activeTime = TimeSpan.Zero;
        foreach (var (record, _) in list)
        {
            activeTime += record.ActiveTime;
        }

        if (list.Count == 0)
        {
            return new(today, 0, TimeSpan.Zero, 0, 0, [], [], []);
        }

        var days = DaysOf(list, today);
        return new(
            today,
            list.Count,
            activeTime,
            CurrentStreakOf(days, today),
            LongestStreakOf(days),
            days,
            WeeksOf(days, firstDayOfWeek),
            TechniquesOf(list));
    }

    private static ImmutableArray<PracticeDay> DaysOf(List<(PracticeRecord Record, DateOnly Date)> list, DateOnly today)
    {
        var first = list.Min(x => x.Date);
        var last = list.Max(x => x.Date);
        if (today > last)
        {
            last = today;
        }

        var count = last.DayNumber - first.DayNumber + 1;
        var sessions = new int[count];
        var time = new TimeSpan[count];
        foreach (var (record, date) in list)
        {
            var i = date.DayNumber - first.DayNumber;
            sessions[i]++;
            time[i] += record.ActiveTime;
        }

        var days = ImmutableArray.CreateBuilder<PracticeDay>(count);
        for (var i = 0; i < count; i++)
        {
            days.Add(new PracticeDay(first.AddDays(i), sessions[i], time[i]));
        }

        return days.MoveToImmutable();
    }

    private static ImmutableArray<PracticeWeek> WeeksOf(ImmutableArray<PracticeDay> days, DayOfWeek firstDayOfWeek)
    {
        var weeks = ImmutableArray.CreateBuilder<PracticeWeek>();
        var i = 0;
        while (i < days.Length)
        {
            var weekStart = days[i].Date.AddDays(-(((int)days[i].Date.DayOfWeek - (int)firstDayOfWeek + 7) % 7));
            var weekEnd = weekStart.AddDays(7);
            int sessions = 0, practised = 0;
            var time = TimeSpan.Zero;
            for (; i < days.Length && days[i].Date < weekEnd; i++)
            {
                sessions += days[i].Sessions;
                practised += days[i].Sessions > 0 ? 1 : 0;
                time += days[i].ActiveTime;
            }

            weeks.Add(new PracticeWeek(weekStart, sessions, practised, time));
        }

        return weeks.ToImmutable();
    }

    private static int CurrentStreakOf(ImmutableArray<PracticeDay> days, DateOnly today)
    {
        // Days runs through today at least; a day without a session yet today does not break the streak.
        var i = today.DayNumber - days[0].Date.DayNumber;
        if (i < 0)
        {
            return 0;
        }

        if (days[i].Sessions == 0)
        {
            i--;
        }

        var streak = 0;
        for (; i >= 0 && days[i].Sessions > 0; i--)
        {
            streak++;
        }

        return streak;
    }

    private static int LongestStreakOf(ImmutableArray<PracticeDay> days)
    {
        int longest = 0, run = 0;
        foreach (var day in days)
        {
            run = day.Sessions > 0 ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static ImmutableArray<PracticeTechniqueStatistics> TechniquesOf(List<(PracticeRecord Record, DateOnly Date)> list) =>
    [
        .. list.Where(x => x.Record.TechniqueId is not null)
            .GroupBy(x => x.Record.TechniqueId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PracticeTechniqueStatistics(
                g.Key,
                g.Count(),
                g.Aggregate(TimeSpan.Zero, (sum, x) => sum + x.Record.ActiveTime),
                [.. g.Select(x => new PracticeLevel(x.Record.EndedAt, x.Date, x.Record.StartSeconds, x.Record.ReachedInhaleSeconds, x.Record.ReachedExhaleSeconds, x.Record.Feeling))])),
    ];

    private static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo timeZone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);
}
