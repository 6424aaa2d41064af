using System.Text.Json;
using BreathPacing.Grounding;

namespace BreathPacing.Web.Content;

/// <summary>Finds techniques in the grounding catalog and works out the options a request asks of them.</summary>
public sealed class TechniqueDirectory(IGroundingCatalog catalog)
{
    /// <summary>Every technique.</summary>
    public IReadOnlyList<GroundingTechnique> All => catalog.Techniques;

    /// <summary>Finds a technique by id or alias, ignoring case.</summary>
    /// <param name="idOrAlias">The id or alias.</param>
    /// <returns>The technique, or <see langword="null"/>.</returns>
    public GroundingTechnique? Find(string idOrAlias) => catalog.Find(idOrAlias);

    /// <summary>
    /// The options a session of <paramref name="technique"/> is made with: its defaults with the caller's changes (see
    /// <see cref="TechniqueOptionsJson.Apply"/>). Every technique, built-in or registered by the app, takes the shared
    /// settings and its own options type's fields; a practice record keeps them, so the plan can carry the person's
    /// settings to the next session.
    /// </summary>
    /// <param name="technique">The technique.</param>
    /// <param name="options">The request's <c>options</c> object, if any.</param>
    /// <param name="seconds">Starting seconds per inhale, or <see langword="null"/> for the technique's default.</param>
    /// <param name="progress">Whether to lengthen the breath over the session, or <see langword="null"/> for the default.</param>
    /// <returns>The options (not yet checked against the technique's range: <see cref="GroundingTechnique.CreatePattern"/> does that), or a problem.</returns>
    public static TechniqueOptionsResult Options(GroundingTechnique technique, JsonElement? options, double? seconds, bool? progress)
    {
        ArgumentNullException.ThrowIfNull(technique);
        return TechniqueOptionsJson.Apply(technique.DefaultOptions, options, seconds, progress);
    }
}
