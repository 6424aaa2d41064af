namespace BreathPacing;

/// <summary>What happens at a boundary of the timeline.</summary>
public enum BreathBoundaryKind
{
    /// <summary>A phase starts.</summary>
    PhaseStart = 0,

    /// <summary>A segment of a phase starts.</summary>
    SegmentStart = 1,

    /// <summary>A cycle ends.</summary>
    CycleEnd = 2,

    /// <summary>The session ends (after its last cycle ends).</summary>
    SessionEnd = 3,
}

/// <summary>
/// One instant at which something starts or ends, at its exact active-time offset from the session start.
/// Boundaries at the same offset come in a fixed order: cycle end, session end, phase start, segment start.
/// A small immutable value; equality is by value.
/// </summary>
public readonly struct BreathBoundary : IEquatable<BreathBoundary>
{
    internal BreathBoundary(BreathBoundaryKind kind, TimeSpan offset, int cycleIndex, int phaseIndex, int segmentIndex)
    {
        Kind = kind;
        Offset = offset;
        CycleIndex = cycleIndex;
        PhaseIndex = phaseIndex;
        SegmentIndex = segmentIndex;
    }

    /// <summary>What happens.</summary>
    public BreathBoundaryKind Kind { get; }

    /// <summary>The exact active-time offset from the session start.</summary>
    public TimeSpan Offset { get; }

    /// <summary>The zero-based cycle (for a cycle end: the cycle that ends).</summary>
    public int CycleIndex { get; }

    /// <summary>The zero-based phase, or -1 for cycle and session ends.</summary>
    public int PhaseIndex { get; }

    /// <summary>The zero-based segment for a segment start; otherwise -1.</summary>
    public int SegmentIndex { get; }

    /// <summary>Whether two boundaries are equal.</summary>
    /// <param name="left">A boundary.</param>
    /// <param name="right">Another boundary.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(BreathBoundary left, BreathBoundary right) => left.Equals(right);

    /// <summary>Whether two boundaries differ.</summary>
    /// <param name="left">A boundary.</param>
    /// <param name="right">Another boundary.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(BreathBoundary left, BreathBoundary right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(BreathBoundary other) =>
        Kind == other.Kind && Offset == other.Offset && CycleIndex == other.CycleIndex && PhaseIndex == other.PhaseIndex && SegmentIndex == other.SegmentIndex;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BreathBoundary other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Offset, CycleIndex, PhaseIndex, SegmentIndex);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} at {ExactSeconds.Text(Offset)} (cycle {CycleIndex}, phase {PhaseIndex}, segment {SegmentIndex})";
}
