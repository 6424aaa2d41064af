namespace BreathPacing.Techniques;

/// <summary>
/// Options for <see cref="BreathingTechniques.ThreePartBreath"/>. Immutable; validated when the pattern is made.
/// </summary>
public sealed record ThreePartBreathOptions
{
    /// <summary>
    /// The lower bound for <see cref="StartSeconds"/> and for Ocean's Breath's inhale: 1 s. Anything under 2 s is
    /// accepted but far faster than the guidance's 4–5 s start, and the gentle safety profile warns about it.
    /// </summary>
    public const double MinimumSeconds = 1;

    /// <summary>The upper bound for <see cref="StartSeconds"/> and <see cref="TargetSeconds"/>: 20 s.</summary>
    public const double MaximumSeconds = 20;

    /// <summary>
    /// Seconds for each inhale and each exhale at the start. The guidance is to begin at 4–5 s so as not to get dizzy.
    /// <value>The default is 4. From 1 to 20 (the gentle safety profile warns below 2).</value>
    /// </summary>
    public double StartSeconds { get; init; } = 4;

    /// <summary>
    /// Whether to lengthen the breaths as the session goes on, toward <see cref="TargetSeconds"/>.
    /// <value>The default is <see langword="false"/>.</value>
    /// </summary>
    public bool Progress { get; init; }

    /// <summary>
    /// The seconds per inhale and exhale that a progression works up to. The guidance is to aim for 10 s as the practice gets easier.
    /// <value>The default is 10. Above <see cref="StartSeconds"/> and at most 20 when <see cref="Progress"/> is set.</value>
    /// </summary>
    public double TargetSeconds { get; init; } = 10;

    /// <summary>
    /// How many seconds each step of a progression adds to the inhale and to the exhale.
    /// <value>The default is 1. Above 0 and at most 5.</value>
    /// </summary>
    public double StepSeconds { get; init; } = 1;

    /// <summary>
    /// How many cycles run at each length before the next step.
    /// <value>The default is 3. From 1 to 100.</value>
    /// </summary>
    public int CyclesPerStep { get; init; } = 3;
}
