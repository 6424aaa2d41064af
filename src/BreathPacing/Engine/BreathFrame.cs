namespace BreathPacing;

/// <summary>An animation frame: the session's position sampled at a frame tick. A small immutable value; equality is by value.</summary>
public readonly struct BreathFrame : IEquatable<BreathFrame>
{
    internal BreathFrame(long index, BreathPosition position)
    {
        Index = index;
        Position = position;
    }

    /// <summary>The zero-based frame number: the frame due at <c>Index × interval</c> after subscription.</summary>
    public long Index { get; }

    /// <summary>The session's position when the frame was sampled.</summary>
    public BreathPosition Position { get; }

    /// <summary>Whether two frames are equal.</summary>
    /// <param name="left">A frame.</param>
    /// <param name="right">Another frame.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(BreathFrame left, BreathFrame right) => left.Equals(right);

    /// <summary>Whether two frames differ.</summary>
    /// <param name="left">A frame.</param>
    /// <param name="right">Another frame.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(BreathFrame left, BreathFrame right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(BreathFrame other) => Index == other.Index && Position.Equals(other.Position);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BreathFrame other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Index, Position);

    /// <inheritdoc />
    public override string ToString() => $"frame {Index}: {Position}";
}
