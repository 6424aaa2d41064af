using System.Globalization;

namespace BreathPacing;

/// <summary>
/// What a finished session amounted to, in terms a person understands: the pace the pattern set, how many
/// whole breaths were done and how far into the next one the session ended. Immutable; equality is by value.
/// </summary>
public sealed class BreathSessionSummary : IEquatable<BreathSessionSummary>
{
    internal BreathSessionSummary(
        int completedCycles,
        int? plannedCycles,
        double partialCycle,
        BreathPosition endPosition,
        TimeSpan activeTime,
        TimeSpan pausedTime,
        double pacedBreathsPerMinute,
        double inhaleToExhaleRatio,
        bool endedEarly)
    {
        CompletedCycles = completedCycles;
        PlannedCycles = plannedCycles;
        PartialCycle = partialCycle;
        EndPosition = endPosition;
        ActiveTime = activeTime;
        PausedTime = pausedTime;
        PacedBreathsPerMinute = pacedBreathsPerMinute;
        InhaleToExhaleRatio = inhaleToExhaleRatio;
        EndedEarly = endedEarly;
    }

    /// <summary>Whole cycles completed.</summary>
    public int CompletedCycles { get; }

    /// <summary>The cycles the session was laid out for, or <see langword="null"/> when it was open-ended.</summary>
    public int? PlannedCycles { get; }

    /// <summary>
    /// How far into the next cycle the session ended, in [0, 1): 0 when it ended on a cycle boundary (always so
    /// for a session that ran to its end). <see cref="EndPosition"/> says in which phase.
    /// </summary>
    public double PartialCycle { get; }

    /// <summary>Where the session stood when it ended (its phase, segment and cycle).</summary>
    public BreathPosition EndPosition { get; }

    /// <summary>Active time breathed (pauses excluded).</summary>
    public TimeSpan ActiveTime { get; }

    /// <summary>Time spent paused.</summary>
    public TimeSpan PausedTime { get; }

    /// <summary>
    /// The pace the pattern set, in breaths per minute, over the time breathed: for a steady pattern exactly
    /// <see cref="BreathPattern.BreathsPerCycle"/> per cycle length, however early the session ended; with a
    /// progression, the average pace of the cycles breathed. Before any time has passed, the first cycle's pace.
    /// </summary>
    public double PacedBreathsPerMinute { get; }

    /// <summary>Total inhale time divided by total exhale time per cycle, e.g. 0.667 for a 4 s inhale and a 6 s exhale.</summary>
    public double InhaleToExhaleRatio { get; }

    /// <summary>Whether the session was stopped before its planned end.</summary>
    public bool EndedEarly { get; }

    /// <inheritdoc />
    public bool Equals(BreathSessionSummary? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && CompletedCycles == other.CompletedCycles
            && PlannedCycles == other.PlannedCycles
            && PartialCycle.Equals(other.PartialCycle)
            && EndPosition.Equals(other.EndPosition)
            && ActiveTime == other.ActiveTime
            && PausedTime == other.PausedTime
            && PacedBreathsPerMinute.Equals(other.PacedBreathsPerMinute)
            && InhaleToExhaleRatio.Equals(other.InhaleToExhaleRatio)
            && EndedEarly == other.EndedEarly);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BreathSessionSummary);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CompletedCycles, PartialCycle, ActiveTime, PausedTime, EndedEarly);

    /// <summary>A short description, e.g. <c>3 cycles and 40 % of the next in 0:32 at 6 breaths/min, ended early</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{CompletedCycles} cycles{(PartialCycle > 0 ? $" and {PartialCycle * 100:0} % of the next" : "")} in {ActiveTime:m\\:ss} at {PacedBreathsPerMinute:0.#} breaths/min{(EndedEarly ? ", ended early" : "")}");
}
