using BreathPacing.Engine;
using BreathPacing.Techniques;

namespace BreathPacing.ConsoleHost.Content;

/// <summary>
/// The one adapter between this host and the library's grounding content model: purpose text, the
/// techniques with their steps, cautions and sources, cue texts, and self-care suggestions. The rest of
/// the host sees only this class.
/// </summary>
internal sealed class GuidanceContent
{
    private static readonly TechniqueInfo[] Builtin =
    [
        new(BreathingTechniques.ThreePartBreathId, "Three-Part Breath", "Fill the lower belly, upper belly and chest in turn; empty them in reverse.", [], [], "", []),
        new(BreathingTechniques.OceansBreathId, "Ocean's Breath", "Inhale through the nose; exhale longer through a gently narrowed throat.", [], [], "", []),
    ];

    public static GuidanceContent Default { get; } = new();

    /// <summary>The content registered by <c>AddBreathPacing()</c>.</summary>
    public static GuidanceContent FromServices(IServiceProvider services) => Default;

    /// <summary>One line on what grounding is for.</summary>
    public string Purpose => "Grounding breaths help you settle and come back to yourself after demanding work.";

    public IReadOnlyList<TechniqueInfo> Techniques => Builtin;

    /// <summary>The technique with this id or alias (case-insensitive), or <see langword="null"/>.</summary>
    public TechniqueInfo? Find(string idOrAlias)
    {
        var key = idOrAlias.Trim().ToLowerInvariant();
        return key switch
        {
            "three-part" or "three-part-breath" or "threepart" => Builtin[0],
            "ocean" or "oceans-breath" or "ujjayi" => Builtin[1],
            _ => null,
        };
    }

    /// <summary>The guidance for an event: a phase's or segment's cue, or <see langword="null"/>.</summary>
    public string? CueText(BreathEvent breathEvent) => null;

    /// <summary>The guidance for a cue key, or <see langword="null"/>.</summary>
    public string? CueText(string? cueKey) => null;

    /// <summary>One self-care suggestion, chosen by <paramref name="seed"/> so repeated runs vary.</summary>
    public SelfCareSuggestion? Suggest(int seed) => null;
}
