namespace BreathPacing.Safety;

/// <summary>The codes of the findings a <see cref="SafetyProfile"/> can produce. Stable: hosts may key on them.</summary>
public static class SafetyCodes
{
    /// <summary>More breaths per minute than <see cref="SafetyProfile.MaximumBreathsPerMinute"/>.</summary>
    public const string BreathRateHigh = "breath-rate-high";

    /// <summary>An inhale shorter than <see cref="SafetyProfile.MinimumBreathDuration"/>.</summary>
    public const string InhaleShort = "inhale-short";

    /// <summary>An exhale shorter than <see cref="SafetyProfile.MinimumBreathDuration"/>.</summary>
    public const string ExhaleShort = "exhale-short";

    /// <summary>A hold (at the start, or at the progression's target) longer than <see cref="SafetyProfile.MaximumHold"/>.</summary>
    public const string HoldLong = "hold-long";

    /// <summary>Less time breathing out than breathing in (information only).</summary>
    public const string ExhaleShorterThanInhale = "exhale-shorter-than-inhale";
}
