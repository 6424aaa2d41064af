using BreathPacing.Patterns;
using BreathPacing.Techniques;
using BreathPacing.Web.Api;

namespace BreathPacing.Web.Content;

/// <summary>A technique the host can pace.</summary>
/// <param name="Id">Its canonical id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Aliases">Other names it is found by.</param>
public sealed record TechniqueRef(string Id, string Name, IReadOnlyList<string> Aliases);

/// <summary>Finds techniques by id or alias and builds their patterns with the caller's options.</summary>
public sealed class TechniqueDirectory
{
    private static readonly TechniqueRef[] BuiltIn =
    [
        new(BreathingTechniques.ThreePartBreathId, "Three-Part Breath", ["three-part", "dirga"]),
        new(BreathingTechniques.OceansBreathId, "Ocean's Breath", ["ocean", "ujjayi"]),
    ];

    /// <summary>Every technique.</summary>
    public IReadOnlyList<TechniqueRef> All => BuiltIn;

    /// <summary>Finds a technique by id or alias, ignoring case.</summary>
    /// <param name="idOrAlias">The id or alias.</param>
    /// <returns>The technique, or <see langword="null"/>.</returns>
    public TechniqueRef? Find(string idOrAlias) =>
        BuiltIn.FirstOrDefault(t => string.Equals(t.Id, idOrAlias, StringComparison.OrdinalIgnoreCase)
            || t.Aliases.Any(a => string.Equals(a, idOrAlias, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The technique's pattern with the caller's starting seconds and progression.</summary>
    /// <param name="technique">The technique.</param>
    /// <param name="seconds">Starting seconds per inhale, or <see langword="null"/> for the technique's default.</param>
    /// <param name="progress">Whether to lengthen the breath over the session (Three-Part Breath).</param>
    /// <returns>The pattern or a 400 problem.</returns>
    /// <exception cref="InvalidBreathPatternException">An option is out of the technique's range.</exception>
    public PatternResult Pattern(TechniqueRef technique, double? seconds, bool progress)
    {
        switch (technique.Id)
        {
            case BreathingTechniques.ThreePartBreathId:
                var threePart = new ThreePartBreathOptions { Progress = progress };
                return new(BreathingTechniques.ThreePartBreath(seconds is { } s ? threePart with { StartSeconds = s } : threePart), null);
            case BreathingTechniques.OceansBreathId when progress:
                return new(null, Problems.BadRequest("progress is available for Three-Part Breath only.", new Dictionary<string, object?> { ["field"] = "progress" }));
            case BreathingTechniques.OceansBreathId:
                return new(BreathingTechniques.OceansBreath(seconds is { } i ? new OceansBreathOptions { InhaleSeconds = i } : null), null);
            default:
                return new(null, Problems.BadRequest($"Technique '{technique.Id}' has no pattern to pace.", new Dictionary<string, object?> { ["field"] = "techniqueId" }));
        }
    }
}
