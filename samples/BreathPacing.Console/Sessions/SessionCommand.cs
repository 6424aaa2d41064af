namespace BreathPacing.ConsoleHost.Sessions;

/// <summary>What the user asks of a running session.</summary>
internal enum SessionCommand
{
    /// <summary>Pause a running session, or resume a paused one (space).</summary>
    TogglePause,

    /// <summary>End the session early (q or Esc).</summary>
    Stop,
}
