using System.Globalization;

namespace BreathPacing;

/// <summary>The bounds every pattern is validated against.</summary>
public static class PatternLimits
{
    /// <summary>The shortest phase: 10 milliseconds.</summary>
    public static readonly TimeSpan MinimumPhaseDuration = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest phase: 10 minutes. Anything longer is not a breath.</summary>
    public static readonly TimeSpan MaximumPhaseDuration = TimeSpan.FromMinutes(10);

    /// <summary>The most phases in one cycle: 64.</summary>
    public const int MaximumPhases = 64;

    /// <summary>The most segments in one phase: 32.</summary>
    public const int MaximumSegments = 32;

    /// <summary>The longest pattern name: 200 characters.</summary>
    public const int MaximumNameLength = 200;

    /// <summary>The most cycles a session may be asked for: 1,000,000.</summary>
    public const int MaximumCycles = 1_000_000;

    /// <summary>The longest timed session: 7 days.</summary>
    public static readonly TimeSpan MaximumSessionDuration = TimeSpan.FromDays(7);

    /// <summary>The most distinct steps a progression may take: 1,000.</summary>
    public const int MaximumProgressionSteps = 1_000;

    /// <summary>How far segment shares may stray from summing to exactly 1: one part in a million.</summary>
    public const double ShareTolerance = 1e-6;

    internal static string Format(TimeSpan value) =>
        value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    internal static string Format(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);

    internal static void CheckPhaseDuration(string field, TimeSpan duration)
    {
        if (duration < MinimumPhaseDuration || duration > MaximumPhaseDuration)
        {
            throw new InvalidBreathPatternException(field, Format(duration),
                $"a phase lasts from {Format(MinimumPhaseDuration)} to {Format(MaximumPhaseDuration)}.");
        }
    }

    internal static TimeSpan Seconds(string field, double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            throw new InvalidBreathPatternException(field, Format(seconds), "expected a finite number of seconds.");
        }

        if (seconds <= 0 || seconds > MaximumPhaseDuration.TotalSeconds)
        {
            throw new InvalidBreathPatternException(field, Format(seconds) + " s",
                $"a phase lasts from {Format(MinimumPhaseDuration)} to {Format(MaximumPhaseDuration)}.");
        }

        return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }
}
