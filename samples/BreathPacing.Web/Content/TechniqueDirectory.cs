using BreathPacing.Grounding;
using BreathPacing.Web.Api;

namespace BreathPacing.Web.Content;

/// <summary>Finds techniques in the grounding catalog and builds their patterns with the caller's options.</summary>
public sealed class TechniqueDirectory(IGroundingCatalog catalog)
{
    /// <summary>Every technique.</summary>
    public IReadOnlyList<GroundingTechnique> All => catalog.Techniques;

    /// <summary>Finds a technique by id or alias, ignoring case.</summary>
    /// <param name="idOrAlias">The id or alias.</param>
    /// <returns>The technique, or <see langword="null"/>.</returns>
    public GroundingTechnique? Find(string idOrAlias) => catalog.Find(idOrAlias);

    /// <summary>The technique's pattern with the caller's starting seconds and progression.</summary>
    /// <param name="technique">The technique.</param>
    /// <param name="seconds">Starting seconds per inhale, or <see langword="null"/> for the technique's default.</param>
    /// <param name="progress">Whether to lengthen the breath over the session (techniques with a progression).</param>
    /// <returns>The pattern or a 400 problem.</returns>
    /// <exception cref="InvalidBreathPatternException">An option is out of the technique's range (the message names it).</exception>
    public PatternResult Pattern(GroundingTechnique technique, double? seconds, bool progress) =>
        new(technique.CreatePattern(Options(technique, seconds, progress)), null);

    /// <summary>
    /// The options a session of <paramref name="technique"/> is made with: its defaults with the caller's starting seconds
    /// and progression. A practice record keeps them, so the plan can carry the person's settings to the next session.
    /// </summary>
    /// <param name="technique">The technique.</param>
    /// <param name="seconds">Starting seconds per inhale, or <see langword="null"/> for the technique's default.</param>
    /// <param name="progress">Whether to lengthen the breath over the session (techniques with a progression).</param>
    /// <returns>The options (not yet checked against the technique's range: <see cref="GroundingTechnique.CreatePattern"/> does that).</returns>
    public static BreathTechniqueOptions Options(GroundingTechnique technique, double? seconds, bool progress)
    {
        ArgumentNullException.ThrowIfNull(technique);

        // Every technique, built-in or registered by the app, takes the shared settings.
        var defaults = technique.DefaultOptions;
        return defaults with { StartSeconds = seconds ?? defaults.StartSeconds, Progress = progress };
    }
}
