namespace BreathPacing.Web.Sessions;

/// <summary>What a client needs to place an event on its own clock: the server's time and the session's active time and state then.</summary>
/// <param name="ServerTime">The server's clock (its <see cref="TimeProvider"/>).</param>
/// <param name="ElapsedMs">The session's active time, in milliseconds.</param>
/// <param name="State">The session's state.</param>
public readonly record struct EventStamp(DateTimeOffset ServerTime, double ElapsedMs, BreathSessionState State);

/// <summary>An engine event with the stamp taken when the engine emitted it.</summary>
/// <param name="Event">The event.</param>
/// <param name="Stamp">The stamp.</param>
public readonly record struct StampedEvent(BreathEvent Event, EventStamp Stamp);
