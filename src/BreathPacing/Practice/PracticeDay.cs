namespace BreathPacing.Practice;

/// <summary>One calendar day of <see cref="PracticeStatistics.Days"/>: how many sessions ended on it and their active time.</summary>
public readonly record struct PracticeDay
{
    internal PracticeDay(DateOnly date, int sessions, TimeSpan activeTime)
    {
        Date = date;
        Sessions = sessions;
        ActiveTime = activeTime;
    }

    /// <summary>The date, in the time zone the statistics were worked out in.</summary>
    public DateOnly Date { get; }

    /// <summary>How many sessions ended on the day; 0 on a day without practice.</summary>
    public int Sessions { get; }

    /// <summary>The active time of those sessions.</summary>
    public TimeSpan ActiveTime { get; }
}
