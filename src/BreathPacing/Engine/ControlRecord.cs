namespace BreathPacing;

/// <summary>What a <see cref="ControlRecord"/> did to a session.</summary>
internal enum ControlKind : byte
{
    /// <summary>Active time stopped at <see cref="ControlRecord.Offset"/>.</summary>
    Pause,

    /// <summary>Active time went on again from <see cref="ControlRecord.Offset"/> after <see cref="ControlRecord.Duration"/> paused.</summary>
    Resume,

    /// <summary>A late wake-up jumped from the boundary at <see cref="ControlRecord.From"/> to <see cref="ControlRecord.Offset"/>.</summary>
    Skip,

    /// <summary>The session was stopped at <see cref="ControlRecord.Offset"/>; <see cref="ControlRecord.Duration"/> is a pause it ended.</summary>
    Stop,
}

/// <summary>
/// One thing that changed a session's course, at an active-time offset. A session's whole history is its timeline
/// plus these records in order: every event it emitted can be generated again from them (see <see cref="EventGenerator"/>),
/// so replay costs memory per pause, not per event, and a snapshot is exact.
/// </summary>
/// <remarks>
/// Placement: a pause, resume or stop at offset t comes after every boundary at or before t; a skip comes just before
/// the boundary at <see cref="From"/> (the first one it missed).
/// </remarks>
internal readonly record struct ControlRecord(ControlKind Kind, long Offset, long From, long Duration)
{
    public static ControlRecord Pause(long offset) => new(ControlKind.Pause, offset, 0, 0);

    public static ControlRecord Resume(long offset, long pausedFor) => new(ControlKind.Resume, offset, 0, pausedFor);

    public static ControlRecord Skip(long from, long offset) => new(ControlKind.Skip, offset, from, 0);

    public static ControlRecord Stop(long offset, long endedPause) => new(ControlKind.Stop, offset, 0, endedPause);
}
