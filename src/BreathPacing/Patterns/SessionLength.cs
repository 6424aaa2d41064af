namespace BreathPacing;

/// <summary>How long a session runs.</summary>
public enum SessionLengthKind
{
    /// <summary>Until stopped.</summary>
    OpenEnded = 0,

    /// <summary>A fixed number of whole cycles.</summary>
    Cycles = 1,

    /// <summary>At least a span of active time, rounded up to end on a whole cycle (as many cycles as that takes).</summary>
    Duration = 2,
}

/// <summary>
/// How long a session runs: a number of cycles, a span of time (rounded up so the session always ends
/// on a whole cycle), or open-ended. Immutable and thread-safe.
/// </summary>
public sealed record SessionLength
{
    private SessionLength(SessionLengthKind kind, int cycles, TimeSpan duration)
    {
        Kind = kind;
        CycleCount = cycles;
        Duration = duration;
    }

    /// <summary>An open-ended session that runs until it is stopped.</summary>
    public static SessionLength OpenEnded { get; } = new(SessionLengthKind.OpenEnded, 0, TimeSpan.Zero);

    /// <summary>Which kind of length this is.</summary>
    public SessionLengthKind Kind { get; }

    /// <summary>The number of cycles, when <see cref="Kind"/> is <see cref="SessionLengthKind.Cycles"/>; otherwise 0.</summary>
    public int CycleCount { get; }

    private static string MaximumDays => ExactSeconds.Number(PatternLimits.MaximumSessionDuration.TotalDays);

    /// <summary>The requested active time, when <see cref="Kind"/> is <see cref="SessionLengthKind.Duration"/>; otherwise zero.</summary>
    public TimeSpan Duration { get; }

    /// <summary>A session of exactly <paramref name="count"/> cycles.</summary>
    /// <param name="count">From 1 to <see cref="PatternLimits.MaximumCycles"/>.</param>
    /// <returns>The length.</returns>
    /// <exception cref="InvalidSessionLengthException"><paramref name="count"/> is out of range; the field is <c>length.cycles</c>.</exception>
    public static SessionLength Cycles(int count)
    {
        if (count < 1 || count > PatternLimits.MaximumCycles)
        {
            throw new InvalidSessionLengthException("length.cycles", PatternLimits.Count(count),
                $"expected from 1 to {PatternLimits.Count(PatternLimits.MaximumCycles)} cycles.");
        }

        return new SessionLength(SessionLengthKind.Cycles, count, TimeSpan.Zero);
    }

    /// <summary>
    /// A session of at least <paramref name="duration"/> of active time, ending on the first whole cycle at or after it.
    /// It runs as many cycles as that takes, even beyond <see cref="PatternLimits.MaximumCycles"/> (which bounds only
    /// <see cref="Cycles"/>).
    /// </summary>
    /// <param name="duration">Positive, at most <see cref="PatternLimits.MaximumSessionDuration"/>.</param>
    /// <returns>The length.</returns>
    /// <exception cref="InvalidSessionLengthException"><paramref name="duration"/> is out of range; the field is <c>length.duration</c>.</exception>
    public static SessionLength Of(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration > PatternLimits.MaximumSessionDuration)
        {
            throw new InvalidSessionLengthException("length.duration", ExactSeconds.Text(duration),
                $"expected a positive duration of at most {MaximumDays} days ({ExactSeconds.Text(PatternLimits.MaximumSessionDuration)}).");
        }

        return new SessionLength(SessionLengthKind.Duration, 0, duration);
    }

    /// <summary>
    /// A session of at least <paramref name="minutes"/> minutes of active time (rounded to the nearest 100 ns tick), ending
    /// on the first whole cycle at or after it.
    /// </summary>
    /// <param name="minutes">Positive and finite, at most 7 days' worth (10,080), and at least one tick (about 1.7E-10).</param>
    /// <returns>The length.</returns>
    /// <exception cref="InvalidSessionLengthException"><paramref name="minutes"/> is out of range; the field is <c>length.minutes</c>.</exception>
    public static SessionLength Minutes(double minutes)
    {
        var maximum = PatternLimits.MaximumSessionDuration.TotalMinutes;
        if (!double.IsFinite(minutes) || minutes <= 0 || minutes > maximum)
        {
            throw new InvalidSessionLengthException("length.minutes", ExactSeconds.Number(minutes),
                $"expected a positive number of minutes, at most {ExactSeconds.Number(maximum)} ({MaximumDays} days).");
        }

        var ticks = ExactSeconds.Ticks(minutes, TimeSpan.TicksPerMinute);
        if (ticks == 0)
        {
            throw new InvalidSessionLengthException("length.minutes", ExactSeconds.Number(minutes),
                "too short: less than half of the smallest time step (100 ns); expected a positive number of minutes.");
        }

        return new SessionLength(SessionLengthKind.Duration, 0, TimeSpan.FromTicks(ticks));
    }

    /// <summary>
    /// Chooses a session's length the way hosts offer it: <paramref name="cycles"/> when given, otherwise
    /// <paramref name="minutes"/> when given, otherwise the pattern's own <see cref="BreathPattern.DefaultLength"/> unless it
    /// is open-ended, otherwise <paramref name="fallback"/>.
    /// </summary>
    /// <param name="pattern">The pattern to be paced.</param>
    /// <param name="cycles">A number of cycles the user asked for, or <see langword="null"/>.</param>
    /// <param name="minutes">A number of minutes the user asked for, or <see langword="null"/>.</param>
    /// <param name="fallback">The length when nothing else decides; <see langword="null"/> for <see cref="OpenEnded"/>.</param>
    /// <returns>The length.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidSessionLengthException">
    /// Both <paramref name="cycles"/> and <paramref name="minutes"/> are given (field <c>length</c>), or the one given is out
    /// of range (field <c>length.cycles</c> or <c>length.minutes</c>), as <see cref="Cycles"/> and <see cref="Minutes"/> check it.
    /// </exception>
    public static SessionLength Choose(BreathPattern pattern, int? cycles = null, double? minutes = null, SessionLength? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return (cycles, minutes) switch
        {
            ({ } c, { } m) => throw new InvalidSessionLengthException("length", $"{PatternLimits.Count(c)} cycles and {ExactSeconds.Number(m)} minutes", "give cycles or minutes, not both."),
            ({ } c, null) => Cycles(c),
            (null, { } m) => Minutes(m),
            _ when pattern.DefaultLength.Kind != SessionLengthKind.OpenEnded => pattern.DefaultLength,
            _ => fallback ?? OpenEnded,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SessionLengthKind.Cycles => PatternLimits.Count(CycleCount) + " cycles",
        SessionLengthKind.Duration => ExactSeconds.Text(Duration),
        _ => "open-ended",
    };
}
