namespace BreathPacing;

/// <summary>The state of a <see cref="BreathSession"/>.</summary>
public enum BreathSessionState
{
    /// <summary>Pacing: active time counts.</summary>
    Running = 0,

    /// <summary>Paused: active time stands still until resumed.</summary>
    Paused = 1,

    /// <summary>Ended, on its own or because it was stopped or disposed. Nothing more will happen.</summary>
    Completed = 2,
}
