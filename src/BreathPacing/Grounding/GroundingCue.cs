
namespace BreathPacing.Grounding;

/// <summary>
/// The guidance shown while one phase, or one body-region segment of a phase, of a technique's pattern runs,
/// e.g. "draw the breath into the lower belly" when the inhale's first segment starts.
/// Immutable and thread-safe; equality is by value.
/// </summary>
public sealed record GroundingCue
{
    internal GroundingCue(string key, int phaseIndex, BreathPhaseKind phaseKind, int? segmentIndex, string? region, string text)
    {
        Key = key;
        PhaseIndex = phaseIndex;
        PhaseKind = phaseKind;
        SegmentIndex = segmentIndex;
        Region = region;
        Text = text;
    }

    /// <summary>The cue key the pattern carries (<see cref="BreathPhase.CueKey"/> or <see cref="BreathSegment.CueKey"/>).</summary>
    public string Key { get; }

    /// <summary>The zero-based phase within the cycle.</summary>
    public int PhaseIndex { get; }

    /// <summary>What the breath does in that phase.</summary>
    public BreathPhaseKind PhaseKind { get; }

    /// <summary>The zero-based segment within the phase, or <see langword="null"/> for the phase's own cue.</summary>
    public int? SegmentIndex { get; }

    /// <summary>The segment's body region (e.g. <see cref="BodyRegions.Chest"/>), or <see langword="null"/> for the phase's own cue.</summary>
    public string? Region { get; }

    /// <summary>The guidance text, in the culture of the catalog that made it.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Key}: {Text}";
}
