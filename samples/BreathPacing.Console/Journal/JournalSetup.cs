using BreathPacing.ConsoleHost.Cli;

namespace BreathPacing.ConsoleHost.Journal;

/// <summary>The journal the app uses, or why there is none.</summary>
/// <param name="Journal">The open journal, or <see langword="null"/> when it is off.</param>
/// <param name="OffReason">Why the default journal is off (said once, on standard error), or <see langword="null"/> when it is on or turned off with <c>--no-journal</c>.</param>
internal sealed record OpenedJournal(SqlitePracticeJournal? Journal, string? OffReason);

/// <summary>
/// Opens the practice journal the options name: none with <c>--no-journal</c>; the file of <c>--journal</c> (any
/// problem with it is an error); otherwise the default file in the user's data folder, created with its folder when
/// missing. A default journal that cannot be created or written (no data folder, a read-only disk, as on some CI
/// machines and containers) turns the journal off with a reason rather than failing a session; a journal that exists but
/// is damaged, locked or not a journal is always an error, so no one breathes believing they are recorded.
/// </summary>
internal static class JournalSetup
{
    /// <param name="options">The command line.</param>
    /// <param name="environment">Where the data folder and the variables come from.</param>
    /// <param name="required">Whether the command needs the journal (<c>--history</c>, <c>--export</c>, <c>--import</c>): then an unavailable default journal is an error too.</param>
    /// <exception cref="JournalException">The journal cannot be used.</exception>
    public static OpenedJournal Open(CommandLineOptions options, AppEnvironment environment, bool required)
    {
        // Only reads: a --journal file that is not there is a mistaken path, not a journal to start.
        var onlyReads = options.History || options.Export is not null;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (options.NoJournal)
        {
            return new(null, null);
        }

        if (options.Journal is { } chosen)
        {
            var full = FullPath(chosen);
            if (onlyReads && !File.Exists(full))
            {
                throw new JournalException(full, JournalProblem.Unavailable, $"there is no practice journal at \"{full}\".");
            }

            CreateFolderOf(full);
            return new(SqlitePracticeJournal.Open(full, environment.JournalBusyTimeout), null);
        }

        var path = JournalLocation.Default(environment.GetVariable, environment.DataFolder);
        if (path is null)
        {
            return Off(required, string.Empty, "no data folder is known (neither XDG_DATA_HOME nor a home folder is set)");
        }

        try
        {
            CreateFolderOf(path);
            return new(SqlitePracticeJournal.Open(path, environment.JournalBusyTimeout), null);
        }
        catch (JournalException e) when (e.Problem == JournalProblem.Unavailable && !required)
        {
            return new(null, e.Message);
        }
    }

    private static OpenedJournal Off(bool required, string path, string reason) => required
        ? throw new JournalException(path, JournalProblem.Unavailable, $"there is no practice journal: {reason}.")
        : new(null, reason);

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new JournalException(path, JournalProblem.Unavailable, $"cannot use \"{path}\" as the practice journal: {e.Message}", e);
        }
    }

    private static void CreateFolderOf(string file)
    {
        var folder = Path.GetDirectoryName(file);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalException(file, JournalProblem.Unavailable, $"cannot create the folder \"{folder}\" for the practice journal: {e.Message}", e);
        }
    }
}
