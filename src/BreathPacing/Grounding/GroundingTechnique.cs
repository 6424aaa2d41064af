using System.Collections.Immutable;

namespace BreathPacing.Grounding;

/// <summary>
/// A grounding breathing technique: how to do it (ordered steps, a visualisation), what to show while its
/// pattern runs (a cue for every phase and segment), what to watch out for, how to time it, where it comes
/// from, and the ready-made <see cref="BreathPattern"/> that paces it.
/// Immutable and thread-safe; equality is by value. The text is in the culture of the catalog that made it.
/// </summary>
public sealed record GroundingTechnique
{
    internal GroundingTechnique(
        string id,
        string name,
        ImmutableArray<string> aliases,
        string summary,
        ImmutableArray<string> steps,
        string? visualisation,
        ImmutableArray<GroundingCue> cues,
        ImmutableArray<string> cautions,
        string timingGuidance,
        ImmutableArray<string> sourceIds,
        BreathTechnique technique)
    {
        Id = id;
        Name = name;
        Aliases = aliases;
        Summary = summary;
        Steps = steps;
        Visualisation = visualisation;
        Cues = cues;
        Cautions = cautions;
        TimingGuidance = timingGuidance;
        SourceIds = sourceIds;
        Technique = technique;
    }

    /// <summary>The stable id, e.g. <see cref="BreathingTechniques.ThreePartBreathId"/>.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>Other names the technique is found by (lower case, culture-independent), e.g. <c>ujjayi</c>.</summary>
    public ImmutableArray<string> Aliases { get; }

    /// <summary>One or two sentences on what the technique is.</summary>
    public string Summary { get; }

    /// <summary>How to practise it, in order.</summary>
    public ImmutableArray<string> Steps { get; }

    /// <summary>The image the technique asks you to hold in mind, or <see langword="null"/> when it has none.</summary>
    public string? Visualisation { get; }

    /// <summary>
    /// The guidance for each phase of <see cref="DefaultPattern"/> and, after it, for each of that phase's segments,
    /// in pattern order.
    /// </summary>
    public ImmutableArray<GroundingCue> Cues { get; }

    /// <summary>What to watch out for while practising.</summary>
    public ImmutableArray<string> Cautions { get; }

    /// <summary>How long the breaths should be and how that changes with practice.</summary>
    public string TimingGuidance { get; }

    /// <summary>The ids of the <see cref="SourceReference"/> entries behind the technique.</summary>
    public ImmutableArray<string> SourceIds { get; }

    /// <summary>How the engine paces the technique: its options, their range, and its patterns.</summary>
    public BreathTechnique Technique { get; }

    /// <summary>The pattern made with the default options.</summary>
    public BreathPattern DefaultPattern => Technique.DefaultPattern;

    /// <summary>The default options; adjust any technique through the shared settings, e.g. <c>DefaultOptions with { StartSeconds = 5 }</c>.</summary>
    public BreathTechniqueOptions DefaultOptions => Technique.DefaultOptions;

    /// <summary>Makes the technique's pattern with <paramref name="options"/>; see <see cref="BreathTechnique.CreatePattern"/>.</summary>
    /// <param name="options">Options of the technique's type, or <see langword="null"/> for the defaults.</param>
    /// <returns>The pattern; with <see langword="null"/> it equals <see cref="DefaultPattern"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not of the technique's options type.</exception>
    /// <exception cref="InvalidBreathPatternException">An option is out of range; the message names it.</exception>
    public BreathPattern CreatePattern(BreathTechniqueOptions? options = null) => Technique.CreatePattern(options);

    /// <inheritdoc />
    public bool Equals(GroundingTechnique? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && ValueEquality.Equal(Aliases, other.Aliases)
        && string.Equals(Summary, other.Summary, StringComparison.Ordinal)
        && ValueEquality.Equal(Steps, other.Steps)
        && string.Equals(Visualisation, other.Visualisation, StringComparison.Ordinal)
        && ValueEquality.Equal(Cues, other.Cues)
        && ValueEquality.Equal(Cautions, other.Cautions)
        && string.Equals(TimingGuidance, other.TimingGuidance, StringComparison.Ordinal)
        && ValueEquality.Equal(SourceIds, other.SourceIds)
        && DefaultPattern.Equals(other.DefaultPattern)
        && DefaultOptions.Equals(other.DefaultOptions);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id, StringComparer.Ordinal);
        hash.Add(Name, StringComparer.Ordinal);
        ValueEquality.Add(ref hash, Aliases);
        hash.Add(Summary, StringComparer.Ordinal);
        ValueEquality.Add(ref hash, Steps);
        hash.Add(Visualisation, StringComparer.Ordinal);
        ValueEquality.Add(ref hash, Cues);
        ValueEquality.Add(ref hash, Cautions);
        hash.Add(TimingGuidance, StringComparer.Ordinal);
        ValueEquality.Add(ref hash, SourceIds);
        hash.Add(DefaultPattern);
        hash.Add(DefaultOptions);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
