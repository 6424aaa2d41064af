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
/// </summary>
/// <param name="Kind">What happens.</param>
/// <param name="Offset">The exact active-time offset from the session start.</param>
/// <param name="CycleIndex">The zero-based cycle (for a cycle end: the cycle that ends).</param>
/// <param name="PhaseIndex">The zero-based phase, or -1 for cycle and session ends.</param>
/// <param name="SegmentIndex">The zero-based segment for a segment start; otherwise -1.</param>
public readonly record struct BreathBoundary(BreathBoundaryKind Kind, TimeSpan Offset, int CycleIndex, int PhaseIndex, int SegmentIndex);
