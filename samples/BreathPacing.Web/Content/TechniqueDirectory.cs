using BreathPacing.Grounding;
using BreathPacing.Patterns;
using BreathPacing.Techniques;
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
    public PatternResult Pattern(GroundingTechnique technique, double? seconds, bool progress)
    {
        switch (technique.DefaultOptions)
        {
            case ThreePartBreathOptions threePart:
                threePart = threePart with { Progress = progress };
                return new(technique.CreatePattern(seconds is { } s ? threePart with { StartSeconds = s } : threePart), null);
            case OceansBreathOptions when progress:
                return new(null, Problems.BadRequest($"progress: {technique.Name} has no progression.", new Dictionary<string, object?> { ["field"] = "progress" }));
            case OceansBreathOptions ocean:
                return new(technique.CreatePattern(seconds is { } i ? ocean with { InhaleSeconds = i } : ocean), null);
            default:
                if (seconds is not null || progress)
                {
                    return new(null, Problems.BadRequest($"{technique.Name} takes no seconds or progress options.",
                        new Dictionary<string, object?> { ["field"] = seconds is not null ? "seconds" : "progress" }));
                }

                return new(technique.DefaultPattern, null);
        }
    }
}
