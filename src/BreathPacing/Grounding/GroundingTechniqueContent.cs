using System.Collections.Immutable;

namespace BreathPacing.Grounding;

/// <summary>
/// The guidance for a technique an app adds to a catalog with <see cref="GroundingCatalogBuilder.AddTechnique"/>:
/// its display text in one culture (translate it later with <see cref="GroundingCatalogBuilder.AddText(System.Globalization.CultureInfo, string, string)"/>
/// and the keys of <see cref="GroundingTextKeys"/>), the names it is found by, and its sources. Immutable.
/// </summary>
public sealed record GroundingTechniqueContent
{
    /// <summary>The display name; not blank.</summary>
    public required string Name { get; init; }

    /// <summary>One or two sentences on what the technique is; not blank.</summary>
    public required string Summary { get; init; }

    /// <summary>How long the breaths should be and how that changes with practice; not blank.</summary>
    public required string TimingGuidance { get; init; }

    /// <summary>How to practise it, in order. <value>The default is none.</value></summary>
    public ImmutableArray<string> Steps { get; init; } = [];

    /// <summary>What to watch out for. <value>The default is none.</value></summary>
    public ImmutableArray<string> Cautions { get; init; } = [];

    /// <summary>The image to hold in mind, or <see langword="null"/>. <value>The default is <see langword="null"/>.</value></summary>
    public string? Visualisation { get; init; }

    /// <summary>
    /// The text of every cue key the technique's pattern carries, by key; a key the catalog already knows may be left out.
    /// <value>The default is none.</value>
    /// </summary>
    public ImmutableDictionary<string, string> Cues { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Other names the technique is found by (matched ignoring case). <value>The default is none.</value></summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>The ids of the sources behind the technique, each one the catalog lists. <value>The default is none.</value></summary>
    public ImmutableArray<string> SourceIds { get; init; } = [];
}
