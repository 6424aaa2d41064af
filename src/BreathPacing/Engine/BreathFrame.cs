using BreathPacing.Timeline;

namespace BreathPacing.Engine;

/// <summary>An animation frame: the session's position sampled at a frame tick.</summary>
/// <param name="Index">The zero-based frame number.</param>
/// <param name="Position">The session's position when the frame was sampled.</param>
public readonly record struct BreathFrame(long Index, BreathPosition Position);
