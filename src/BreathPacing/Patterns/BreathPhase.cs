using System.Collections.Immutable;

namespace BreathPacing;

/// <summary>
/// One phase of a breath cycle: what the breath does, for how long, through which airway, and the
/// optional body-region segments it moves through. Immutable and thread-safe; equality is by value.
/// </summary>
public sealed record BreathPhase
{
    internal BreathPhase(BreathPhaseKind kind, TimeSpan duration, Airway airway, ImmutableArray<BreathSegment> segments, string? cueKey)
    {
        Kind = kind;
        Duration = duration;
        Airway = airway;
        Segments = segments;
        CueKey = cueKey;
    }

    /// <summary>What the breath does: inhale, hold after inhale, exhale or hold after exhale.</summary>
    public BreathPhaseKind Kind { get; }

    /// <summary>How long the phase lasts in the first cycle (a progression may lengthen later cycles).</summary>
    public TimeSpan Duration { get; }

    /// <summary>The airway used during the phase.</summary>
    public Airway Airway { get; }

    /// <summary>The ordered body-region segments of the phase; empty when the phase has none.</summary>
    public ImmutableArray<BreathSegment> Segments { get; }

    /// <summary>The key of the guidance text shown while this phase runs, or <see langword="null"/>.</summary>
    public string? CueKey { get; }

    /// <summary>Whether this phase is a hold: the lungs stay as they are (full after an inhale, empty after an exhale).</summary>
    public bool IsHold => Kind.IsHold();

    /// <inheritdoc />
    public bool Equals(BreathPhase? other) =>
        other is not null
        && Kind == other.Kind
        && Duration == other.Duration
        && Airway == other.Airway
        && string.Equals(CueKey, other.CueKey, StringComparison.Ordinal)
        && Segments.AsSpan().SequenceEqual(other.Segments.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(Duration);
        hash.Add(Airway);
        hash.Add(CueKey, StringComparer.Ordinal);
        foreach (var segment in Segments)
        {
            hash.Add(segment);
        }

        return hash.ToHashCode();
    }
}
