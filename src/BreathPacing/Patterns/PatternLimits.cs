using System.Globalization;

namespace BreathPacing;

/// <summary>
/// The bounds every pattern and session length is validated against. Read-only properties rather than constants, so
/// that a later version can change a bound without recompiling the code that reads it.
/// </summary>
public static class PatternLimits
{
    /// <summary>The shortest inhale, exhale or hold: 10 milliseconds. (A hold of exactly 0 s means "no hold" and is left out.)</summary>
    public static TimeSpan MinimumPhaseDuration { get; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest phase: 10 minutes. Anything longer is not a breath.</summary>
    public static TimeSpan MaximumPhaseDuration { get; } = TimeSpan.FromMinutes(10);

    /// <summary>The most phases in one cycle: 64.</summary>
    public static int MaximumPhases { get; } = 64;

    /// <summary>The most segments in one phase: 32.</summary>
    public static int MaximumSegments { get; } = 32;

    /// <summary>The longest pattern name, after trimming and normalisation: 200 characters (UTF-16 code units).</summary>
    public static int MaximumNameLength { get; } = 200;

    /// <summary>The longest cue key or region id, after trimming and normalisation: 100 characters (UTF-16 code units).</summary>
    public static int MaximumKeyLength { get; } = 100;

    /// <summary>
    /// The most cycles a session may be asked for by count (<see cref="SessionLength.Cycles"/>): 1,000,000. A timed
    /// session (<see cref="SessionLength.Of"/>) runs as many cycles as its time needs, which may be more.
    /// </summary>
    public static int MaximumCycles { get; } = 1_000_000;

    /// <summary>The longest timed session: 7 days.</summary>
    public static TimeSpan MaximumSessionDuration { get; } = TimeSpan.FromDays(7);

    /// <summary>The most distinct steps a progression may take: 1,000.</summary>
    public static int MaximumProgressionSteps { get; } = 1_000;

    /// <summary>How far segment shares may stray from summing to exactly 1: one part in a million.</summary>
    public static double ShareTolerance { get; } = 1e-6;

    /// <summary>Checks the duration of a phase: an inhale or exhale lasts from the minimum to the maximum; a hold may also be 0 (no hold).</summary>
    internal static void CheckPhaseDuration(string field, BreathPhaseKind kind, TimeSpan duration)
    {
        if (duration >= MinimumPhaseDuration && duration <= MaximumPhaseDuration)
        {
            return;
        }

        if (duration == TimeSpan.Zero && kind.IsHold())
        {
            return;
        }

        throw new InvalidBreathPatternException(field, ExactSeconds.Text(duration), kind.IsHold()
            ? $"a hold lasts from {ExactSeconds.Text(MinimumPhaseDuration)} to {ExactSeconds.Text(MaximumPhaseDuration)}, or 0 s for no hold."
            : $"a phase lasts from {ExactSeconds.Text(MinimumPhaseDuration)} to {ExactSeconds.Text(MaximumPhaseDuration)}.");
    }

    /// <summary>Checks a duration that must lie within the phase limits (a progression's target).</summary>
    internal static void CheckPhaseDuration(string field, TimeSpan duration) => CheckPhaseDuration(field, BreathPhaseKind.Inhale, duration);

    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
