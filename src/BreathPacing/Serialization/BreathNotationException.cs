namespace BreathPacing.Serialization;

/// <summary>
/// Thrown when a compact breath notation (e.g. <c>4-7-8</c> or <c>in 4 hold 7 out 8</c>) cannot be read.
/// <see cref="Position"/> points at the offending character and <see cref="Expected"/> says what would have
/// been accepted there.
/// </summary>
public sealed class BreathNotationException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="position">The 0-based index into the notation where the problem starts.</param>
    /// <param name="expected">What was expected there, e.g. <c>a number of seconds</c>.</param>
    /// <param name="found">What was found there, e.g. <c>'x'</c> or <c>end of input</c>.</param>
    /// <param name="innerException">The underlying exception, or <see langword="null"/>.</param>
    public BreathNotationException(int position, string expected, string found, Exception? innerException = null)
        : base($"Invalid breath notation at {position}: expected {expected}, found {found}.", innerException)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(found);
        Position = position;
        Expected = expected;
        Found = found;
    }

    /// <summary>The 0-based index into the notation where the problem starts (the notation's length when it ended too soon).</summary>
    public int Position { get; }

    /// <summary>What was expected at <see cref="Position"/>, e.g. <c>a number of seconds</c>.</summary>
    public string Expected { get; }

    /// <summary>What was found at <see cref="Position"/>, e.g. <c>'x'</c> or <c>end of input</c>.</summary>
    public string Found { get; }
}
