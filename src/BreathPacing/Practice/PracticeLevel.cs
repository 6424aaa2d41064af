namespace BreathPacing.Practice;

/// <summary>One session of a technique, as a point of its level over time (<see cref="PracticeTechniqueStatistics.Levels"/>).</summary>
public readonly record struct PracticeLevel
{
    internal PracticeLevel(DateTimeOffset endedAt, DateOnly date, double startSeconds, double reachedInhaleSeconds, double reachedExhaleSeconds, PracticeFeeling? feeling)
    {
        EndedAt = endedAt;
        Date = date;
        StartSeconds = startSeconds;
        ReachedInhaleSeconds = reachedInhaleSeconds;
        ReachedExhaleSeconds = reachedExhaleSeconds;
        Feeling = feeling;
    }

    /// <summary>When the session ended.</summary>
    public DateTimeOffset EndedAt { get; }

    /// <summary>The day it counts on, in the time zone the statistics were worked out in.</summary>
    public DateOnly Date { get; }

    /// <summary>The session's level: seconds of its first inhale (<see cref="PracticeRecord.StartSeconds"/>).</summary>
    public double StartSeconds { get; }

    /// <summary>Seconds inhaling in the last cycle breathed (<see cref="PracticeRecord.ReachedInhaleSeconds"/>).</summary>
    public double ReachedInhaleSeconds { get; }

    /// <summary>Seconds exhaling in the last cycle breathed (<see cref="PracticeRecord.ReachedExhaleSeconds"/>).</summary>
    public double ReachedExhaleSeconds { get; }

    /// <summary>How it felt, or <see langword="null"/>.</summary>
    public PracticeFeeling? Feeling { get; }
}
