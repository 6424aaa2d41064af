namespace BreathPacing;

/// <summary>
/// The settings every breathing technique understands: how many seconds each inhale starts at, and whether (and
/// how) the breaths lengthen as the session goes on. Each technique derives its own record, adding what is special
/// to it (e.g. <see cref="OceansBreathOptions.ExhaleRatio"/>), so a host adjusts any technique, including one an app
/// registers itself, through these shared settings: <c>technique.DefaultOptions with { StartSeconds = 5 }</c>.
/// Immutable; validated by <see cref="BreathTechnique.CreatePattern"/>.
/// </summary>
public abstract record BreathTechniqueOptions
{
    /// <summary>Creates the options with the shared defaults.</summary>
    protected BreathTechniqueOptions()
    {
    }

    /// <summary>
    /// Seconds for each inhale at the start of the session (the technique sets the other phases from it). The
    /// article's guidance for Three-Part Breath is to begin at 4–5 s so as not to get dizzy.
    /// <value>The default is 4. Within the technique's <see cref="BreathTechnique.MinimumSeconds"/> and <see cref="BreathTechnique.MaximumSeconds"/>.</value>
    /// </summary>
    public double StartSeconds { get; init; } = 4;

    /// <summary>
    /// Whether to lengthen the breaths as the session goes on, toward <see cref="TargetSeconds"/>; every phase keeps its ratio.
    /// <value>The default is <see langword="false"/>.</value>
    /// </summary>
    public bool Progress { get; init; }

    /// <summary>
    /// The seconds per inhale a progression works up to. The article's guidance is to aim for 10 s as the practice gets easier.
    /// <value>The default is 10. Above <see cref="StartSeconds"/> and at most the technique's <see cref="BreathTechnique.MaximumSeconds"/> when <see cref="Progress"/> is set.</value>
    /// </summary>
    public double TargetSeconds { get; init; } = 10;

    /// <summary>
    /// How many seconds each step of a progression adds to the inhale.
    /// <value>The default is 1. Above 0 and at most 5.</value>
    /// </summary>
    public double StepSeconds { get; init; } = 1;

    /// <summary>
    /// How many cycles run at each length before the next step.
    /// <value>The default is 3. From 1 to 100.</value>
    /// </summary>
    public int CyclesPerStep { get; init; } = 3;
}
