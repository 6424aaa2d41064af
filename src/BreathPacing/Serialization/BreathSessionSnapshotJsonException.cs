namespace BreathPacing.Serialization;

/// <summary>
/// Thrown when a session snapshot JSON document cannot be read: it is malformed, has an unknown or missing version,
/// a field the format does not define, a value of the wrong type, or parts that contradict each other.
/// <see cref="Path"/> locates the offending value; the message says what was expected there.
/// </summary>
public sealed class BreathSessionSnapshotJsonException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The JSON path of the offending value, e.g. <c>$.history[2].at</c>.</param>
    /// <param name="message">The full message.</param>
    /// <param name="innerException">The underlying exception, or <see langword="null"/>.</param>
    public BreathSessionSnapshotJsonException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
    }

    /// <summary>The JSON path of the offending value; <c>$</c> for the document as a whole.</summary>
    public string Path { get; }
}
