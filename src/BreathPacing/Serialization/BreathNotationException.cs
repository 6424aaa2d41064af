using System.Text;

namespace BreathPacing.Serialization;

/// <summary>
/// Thrown when a compact breath notation (e.g. <c>4-7-8</c> or <c>in 4 hold 7 out 8</c>) cannot be read. It says where,
/// once: <see cref="Position"/> is the 1-based character at fault, <see cref="Expected"/> what would have been accepted
/// there and <see cref="Found"/> what was there. The message shows the input with the spot marked:
/// <code>
/// Invalid breath notation at character 5: expected a number of seconds, found 'x'.
///   4-7-x
///       ^
/// </code>
/// </summary>
/// <remarks>
/// To mark the spot yourself (e.g. on a web page), show <see cref="Input"/> and put the mark under its character
/// <see cref="Column"/>: <see cref="Input"/> is safe to show (control, invisible and bidirectional characters are spelled
/// out as <c>\uXXXX</c>) and short (an input longer than about 120 characters is cut to the neighbourhood of the spot,
/// with "…" where it was cut).
/// </remarks>
public sealed class BreathNotationException : FormatException
{
    // How many characters of the input are shown on each side of the spot.
    private const int Context = 60;

    /// <summary>Creates the exception.</summary>
    /// <param name="notation">The notation that could not be read, as given.</param>
    /// <param name="position">The 1-based position of the offending character; the notation's length + 1 when it ended too soon.</param>
    /// <param name="expected">What was expected there, e.g. <c>a number of seconds</c>.</param>
    /// <param name="found">What was found there, e.g. <c>'x'</c> or <c>end of input</c>.</param>
    /// <param name="innerException">The underlying exception, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">A string argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is not within 1 to the notation's length + 1.</exception>
    public BreathNotationException(string notation, int position, string expected, string found, Exception? innerException = null)
        : base(Describe(notation, position, expected, found, out var input, out var column), innerException)
    {
        Position = position;
        Expected = expected;
        Found = found;
        Input = input;
        Column = column;
    }

    /// <summary>The 1-based position in the notation of the character at fault (the notation's length + 1 when it ended too soon).</summary>
    public int Position { get; }

    /// <summary>What was expected at <see cref="Position"/>, e.g. <c>a number of seconds</c>.</summary>
    public string Expected { get; }

    /// <summary>What was found at <see cref="Position"/>, e.g. <c>'x'</c> or <c>end of input</c>, safe to show.</summary>
    public string Found { get; }

    /// <summary>
    /// The notation as it can safely be shown: control, invisible and bidirectional characters spelled out as <c>\uXXXX</c>,
    /// tabs as spaces, and, when it is long, only the part around the spot, with "…" where it was cut.
    /// </summary>
    public string Input { get; }

    /// <summary>The 1-based character of <see cref="Input"/> at fault: where to put the mark when showing <see cref="Input"/>.</summary>
    public int Column { get; }

    private static string Describe(string notation, int position, string expected, string found, out string input, out int column)
    {
        ArgumentNullException.ThrowIfNull(notation);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, notation.Length + 1);

        var index = position - 1;
        var start = Math.Max(0, index - Context);
        var end = Math.Min(notation.Length, index + Context);
        if (start > 0 && char.IsLowSurrogate(notation[start]))
        {
            start--;
        }

        if (end < notation.Length && char.IsHighSurrogate(notation[end - 1]))
        {
            end++;
        }

        var shown = new StringBuilder();
        if (start > 0)
        {
            shown.Append('…');
        }

        UserText.AppendSafe(shown, notation.AsSpan(start, index - start), escapeQuotes: false);
        column = shown.Length + 1;
        UserText.AppendSafe(shown, notation.AsSpan(index, end - index), escapeQuotes: false);
        if (end < notation.Length)
        {
            shown.Append('…');
        }

        input = shown.ToString();
        return $"Invalid breath notation at character {position}: expected {expected}, found {found}.\n  {input}\n  {new string(' ', column - 1)}^";
    }
}
