namespace BreathPacing;

/// <summary>What a session does when its timer wakes later than <see cref="BreathPacingOptions.LateWakeThreshold"/>.</summary>
public enum LateWakePolicy
{
    /// <summary>
    /// Jump to the current position and say so with one <see cref="SessionSkippedAhead"/> event, so a
    /// user interface does not receive a burst of stale events. The default.
    /// </summary>
    SkipToNow = 0,

    /// <summary>Deliver every missed event, in order, each with its ideal offset.</summary>
    ReplayMissed = 1,
}
