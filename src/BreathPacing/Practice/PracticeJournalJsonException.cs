namespace BreathPacing.Practice;

/// <summary>
/// Thrown when a practice journal JSON document (or one record of it) cannot be read: it is malformed, of an unknown or
/// missing version, has a field the format does not define, a value of the wrong type, or a value a record does not
/// accept (e.g. negative cycles or an unknown feeling). <see cref="Path"/> locates the value; the message says what was
/// expected there. Nothing is read when this is thrown.
/// </summary>
public sealed class PracticeJournalJsonException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The JSON path of the offending value, e.g. <c>$.records[2].feeling</c>.</param>
    /// <param name="message">The full message.</param>
    /// <param name="innerException">The underlying exception, or <see langword="null"/>.</param>
    public PracticeJournalJsonException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
    }

    /// <summary>The JSON path of the offending value, e.g. <c>$.records[2].feeling</c>; <c>$</c> for the document as a whole.</summary>
    public string Path { get; }
}
