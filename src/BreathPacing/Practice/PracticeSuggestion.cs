namespace BreathPacing.Practice;

/// <summary>
/// What <see cref="PracticePlan.Next"/> suggests for the next session: the technique, the options to make its pattern with,
/// and why. Immutable.
/// </summary>
/// <example>
/// <code>
/// var next = PracticePlan.Default.Next(technique, records);
/// using var session = pacer.Start(next.Technique.CreatePattern(next.Options), SessionLength.Minutes(3));
/// </code>
/// </example>
public sealed class PracticeSuggestion
{
    internal PracticeSuggestion(BreathTechnique technique, BreathTechniqueOptions options, PracticeRange range, PracticePlanReason reason)
    {
        Technique = technique;
        Options = options;
        Range = range;
        Reason = reason;
    }

    /// <summary>The technique the suggestion is for.</summary>
    public BreathTechnique Technique { get; }

    /// <summary>
    /// The options for the next session, of the technique's <see cref="BreathTechnique.OptionsType"/>: the latest session's
    /// options (so a technique's own settings, such as Ocean's Breath's exhale ratio, stay as the person chose them) with
    /// <see cref="BreathTechniqueOptions.StartSeconds"/> set to <see cref="PracticePlanReason.ToSeconds"/>. A progression
    /// within the session is kept, with its target no further than the range's goal. Always valid for the technique.
    /// </summary>
    public BreathTechniqueOptions Options { get; }

    /// <summary>The range the plan kept the technique within.</summary>
    public PracticeRange Range { get; }

    /// <summary>Why.</summary>
    public PracticePlanReason Reason { get; }

    /// <summary>A short description, e.g. <c>three-part-breath at 6 s: EasyInARow 5 s → 6 s (easy 2 of 2)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Technique.Id} at {PracticeFormat.Number(Options.StartSeconds)} s: {Reason}";
}
