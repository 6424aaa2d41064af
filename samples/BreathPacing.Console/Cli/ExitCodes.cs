namespace BreathPacing.ConsoleHost.Cli;

/// <summary>The process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The session ran (or ended early at the user's wish), or help, the list, the history, an export or an import was done.</summary>
    public const int Success = 0;

    /// <summary>Something failed at run time (e.g. the terminal went away, or a file to import or export to could not be read or written).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: an unknown option or value, or options that conflict.</summary>
    public const int Usage = 2;

    /// <summary>
    /// The practice journal cannot be used: it is damaged or not a SQLite database, belongs to another program, was
    /// written by a newer version, stayed locked by another program beyond the busy timeout, or cannot be created where
    /// <c>--journal</c> says. The file is left as it was.
    /// </summary>
    public const int Journal = 3;

    /// <summary>The file given to <c>--import</c> is not a valid practice journal export; nothing was imported.</summary>
    public const int ImportInvalid = 4;
}
