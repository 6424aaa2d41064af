namespace BreathPacing.Serialization;

/// <summary>
/// Thrown when a breath-pattern JSON document cannot be read: it is malformed (including text that is not valid
/// UTF-8), has an unknown or missing version, has a field the format does not define or a field twice, a value of the
/// wrong type, or describes an invalid pattern. <see cref="Path"/> locates the offending value; the message says what
/// was expected there and shows what was found (long values shortened, invisible characters spelled out). It is the
/// only exception <see cref="BreathPatternJson"/> throws for bad input.
/// </summary>
public sealed class BreathPatternJsonException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The JSON path of the offending value, e.g. <c>$.phases[1].duration</c>.</param>
    /// <param name="message">The full message.</param>
    /// <param name="innerException">The underlying exception, or <see langword="null"/>.</param>
    public BreathPatternJsonException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
    }

    /// <summary>
    /// The JSON path of the offending value, e.g. <c>$.phases[1].duration</c>; <c>$</c> for the document as a whole. A field
    /// name that is not a plain word is written <c>$['the name']</c>, shown safely and shortened after 40 characters.
    /// </summary>
    public string Path { get; }

    /// <summary>The 0-based line of the error for malformed JSON, when the reader reported one; otherwise <see langword="null"/>.</summary>
    public long? LineNumber { get; init; }

    /// <summary>The 0-based byte offset within <see cref="LineNumber"/> for malformed JSON, when reported; otherwise <see langword="null"/>.</summary>
    public long? BytePositionInLine { get; init; }
}
