namespace BreathPacing.Practice;

/// <summary>One week of <see cref="PracticeStatistics.Weeks"/>: its sessions, the days practised and the active time.</summary>
public readonly record struct PracticeWeek
{
    internal PracticeWeek(DateOnly firstDay, int sessions, int daysPractised, TimeSpan activeTime)
    {
        FirstDay = firstDay;
        Sessions = sessions;
        DaysPractised = daysPractised;
        ActiveTime = activeTime;
    }

    /// <summary>The week's first day (on the statistics' first day of the week), which names the week.</summary>
    public DateOnly FirstDay { get; }

    /// <summary>How many sessions ended in the week.</summary>
    public int Sessions { get; }

    /// <summary>On how many of its days there was at least one session, from 0 to 7.</summary>
    public int DaysPractised { get; }

    /// <summary>The active time of the week's sessions.</summary>
    public TimeSpan ActiveTime { get; }
}
