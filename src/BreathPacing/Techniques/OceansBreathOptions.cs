namespace BreathPacing;

/// <summary>
/// Options for <see cref="BreathingTechniques.OceansBreath"/>: the shared settings of <see cref="BreathTechniqueOptions"/>
/// (<see cref="BreathTechniqueOptions.StartSeconds"/> is the inhale), and how much longer the exhale is. Immutable.
/// Every valid option yields an exhale longer than the inhale, after rounding to the tick, as the technique asks.
/// </summary>
public sealed record OceansBreathOptions : BreathTechniqueOptions
{
    /// <summary>
    /// How many times longer the exhale is than the inhale.
    /// <value>The default is 1.5 (a 4 s inhale, a 6 s exhale). Above 1 and at most 3, and long enough that the exhale, rounded to 100 ns, is longer than the inhale.</value>
    /// </summary>
    public double ExhaleRatio { get; init; } = 1.5;
}
