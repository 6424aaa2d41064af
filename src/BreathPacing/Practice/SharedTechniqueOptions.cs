namespace BreathPacing.Practice;

/// <summary>
/// The shared settings of options whose own type a practice record does not keep (an app's own options type): the
/// journal records only what every technique understands. <see cref="PracticePlan"/> maps them back onto the
/// technique's <see cref="BreathTechnique.DefaultOptions"/>, so the app's own settings return to their defaults.
/// </summary>
internal sealed record SharedTechniqueOptions : BreathTechniqueOptions
{
    /// <summary>Copies the shared settings of <paramref name="options"/>.</summary>
    public static SharedTechniqueOptions From(BreathTechniqueOptions options) => new()
    {
        StartSeconds = options.StartSeconds,
        Progress = options.Progress,
        TargetSeconds = options.TargetSeconds,
        StepSeconds = options.StepSeconds,
        CyclesPerStep = options.CyclesPerStep,
    };

    /// <summary>The options of the type <paramref name="technique"/> takes, with the shared settings of <paramref name="options"/>.</summary>
    public static BreathTechniqueOptions OnTo(BreathTechnique technique, BreathTechniqueOptions options) =>
        options.GetType() == technique.OptionsType
            ? options
            : technique.DefaultOptions with
            {
                StartSeconds = options.StartSeconds,
                Progress = options.Progress,
                TargetSeconds = options.TargetSeconds,
                StepSeconds = options.StepSeconds,
                CyclesPerStep = options.CyclesPerStep,
            };

    /// <summary>The built-in option types as they are; any other type as its shared settings.</summary>
    public static BreathTechniqueOptions Normalise(BreathTechniqueOptions options) =>
        options is ThreePartBreathOptions or OceansBreathOptions or SharedTechniqueOptions ? options : From(options);
}
