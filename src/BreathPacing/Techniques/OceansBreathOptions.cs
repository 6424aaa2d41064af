namespace BreathPacing.Techniques;

/// <summary>
/// Options for <see cref="BreathingTechniques.OceansBreath"/>. Immutable; validated when the pattern is
/// made. The exhale is the inhale times <see cref="ExhaleRatio"/>, which must exceed 1, so every valid
/// option yields an exhale longer than the inhale, as the technique asks.
/// </summary>
public sealed record OceansBreathOptions
{
    /// <summary>
    /// Seconds for each inhale through the nose.
    /// <value>The default is 4. From 1 to 20 (the gentle safety profile warns below 2).</value>
    /// </summary>
    public double InhaleSeconds { get; init; } = 4;

    /// <summary>
    /// How many times longer the exhale is than the inhale.
    /// <value>The default is 1.5 (a 4 s inhale, a 6 s exhale). Above 1 and at most 3.</value>
    /// </summary>
    public double ExhaleRatio { get; init; } = 1.5;
}
