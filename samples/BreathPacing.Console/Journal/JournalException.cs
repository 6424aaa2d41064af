namespace BreathPacing.ConsoleHost.Journal;

/// <summary>What stands in the way of using a practice journal file.</summary>
internal enum JournalProblem
{
    /// <summary>The file or its folder cannot be opened or created (missing permission, a read-only disk, a path that is a folder).</summary>
    Unavailable,

    /// <summary>The file is not a SQLite database, or it is damaged, or a record in it cannot be read.</summary>
    Damaged,

    /// <summary>The file is a SQLite database of another program.</summary>
    NotAJournal,

    /// <summary>The file was written by a newer version of the app, with a schema this one does not know.</summary>
    Newer,

    /// <summary>Another program held the file locked for longer than the busy timeout.</summary>
    Busy,

    /// <summary>Anything else SQLite reports (e.g. the disk is full).</summary>
    Failed,
}

/// <summary>
/// A practice journal file could not be used. The message names the file and says what is wrong; the file itself is
/// left as it was (nothing is recreated, truncated or half-written).
/// </summary>
internal sealed class JournalException(string path, JournalProblem problem, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The journal file's full path.</summary>
    public string Path { get; } = path;

    public JournalProblem Problem { get; } = problem;
}
