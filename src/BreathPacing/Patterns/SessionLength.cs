using System.Globalization;

namespace BreathPacing;

/// <summary>How long a session runs.</summary>
public enum SessionLengthKind
{
    /// <summary>Until stopped.</summary>
    OpenEnded = 0,

    /// <summary>A fixed number of whole cycles.</summary>
    Cycles = 1,

    /// <summary>At least a span of active time, rounded up to end on a whole cycle.</summary>
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

    /// <summary>The requested active time, when <see cref="Kind"/> is <see cref="SessionLengthKind.Duration"/>; otherwise zero.</summary>
    public TimeSpan Duration { get; }

    /// <summary>A session of exactly <paramref name="count"/> cycles.</summary>
    /// <param name="count">From 1 to <see cref="PatternLimits.MaximumCycles"/>.</param>
    /// <exception cref="InvalidBreathPatternException"><paramref name="count"/> is out of range.</exception>
    public static SessionLength Cycles(int count)
    {
        if (count < 1 || count > PatternLimits.MaximumCycles)
        {
            throw new InvalidBreathPatternException("length.cycles", count.ToString(CultureInfo.InvariantCulture),
                $"expected from 1 to {PatternLimits.MaximumCycles} cycles.");
        }

        return new SessionLength(SessionLengthKind.Cycles, count, TimeSpan.Zero);
    }

    /// <summary>A session of at least <paramref name="duration"/> of active time, ending on a whole cycle.</summary>
    /// <param name="duration">Positive, at most <see cref="PatternLimits.MaximumSessionDuration"/>.</param>
    /// <exception cref="InvalidBreathPatternException"><paramref name="duration"/> is out of range.</exception>
    public static SessionLength Of(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration > PatternLimits.MaximumSessionDuration)
        {
            throw new InvalidBreathPatternException("length.duration", PatternLimits.Format(duration),
                $"expected a positive duration of at most {PatternLimits.MaximumSessionDuration.TotalDays} days.");
        }

        return new SessionLength(SessionLengthKind.Duration, 0, duration);
    }

    /// <summary>A session of at least <paramref name="minutes"/> minutes of active time, ending on a whole cycle.</summary>
    /// <param name="minutes">Positive and finite, at most 7 days' worth.</param>
    /// <exception cref="InvalidBreathPatternException"><paramref name="minutes"/> is out of range.</exception>
    public static SessionLength Minutes(double minutes)
    {
        if (double.IsNaN(minutes) || minutes <= 0 || minutes > PatternLimits.MaximumSessionDuration.TotalMinutes)
        {
            throw new InvalidBreathPatternException("length.minutes", PatternLimits.Format(minutes),
                $"expected a positive number of minutes, at most {PatternLimits.MaximumSessionDuration.TotalMinutes}.");
        }

        return Of(TimeSpan.FromTicks((long)Math.Round(minutes * TimeSpan.TicksPerMinute)));
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
    /// <exception cref="InvalidBreathPatternException">Both <paramref name="cycles"/> and <paramref name="minutes"/> are given, or one is out of range; the message names it.</exception>
    public static SessionLength Choose(BreathPattern pattern, int? cycles = null, double? minutes = null, SessionLength? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return (cycles, minutes) switch
        {
            ({ } c, { } m) => throw new InvalidBreathPatternException("length", string.Create(CultureInfo.InvariantCulture, $"{c} cycles and {m} minutes"), "give cycles or minutes, not both."),
            ({ } c, null) => Cycles(c),
            (null, { } m) => Minutes(m),
            _ when pattern.DefaultLength.Kind != SessionLengthKind.OpenEnded => pattern.DefaultLength,
            _ => fallback ?? OpenEnded,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SessionLengthKind.Cycles => CycleCount.ToString(CultureInfo.InvariantCulture) + " cycles",
        SessionLengthKind.Duration => PatternLimits.Format(Duration),
        _ => "open-ended",
    };
}
