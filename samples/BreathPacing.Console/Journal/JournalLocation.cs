namespace BreathPacing.ConsoleHost.Journal;

/// <summary>
/// Where the practice journal lives when <c>--journal</c> does not say: <c>journal.db</c> in a <c>BreathPacing</c>
/// folder of the user's data folder. That is <c>$XDG_DATA_HOME</c> when it is set to an absolute path (the XDG Base
/// Directory rule), otherwise the platform's own: <c>~/.local/share</c> on Linux, <c>~/Library/Application Support</c>
/// on macOS, <c>%LOCALAPPDATA%</c> on Windows (.NET's <see cref="Environment.SpecialFolder.LocalApplicationData"/>).
/// </summary>
internal static class JournalLocation
{
    /// <summary>The folder made inside the data folder.</summary>
    public const string FolderName = "BreathPacing";

    /// <summary>The journal's file name.</summary>
    public const string FileName = "journal.db";

    /// <summary>The platform's data folder, or <see langword="null"/> when there is none (e.g. no home folder).</summary>
    public static string? PlatformDataFolder()
    {
        var folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(folder) ? null : folder;
    }

    /// <summary>The default journal file, or <see langword="null"/> when no data folder is known.</summary>
    /// <param name="getVariable">Reads an environment variable.</param>
    /// <param name="platformDataFolder">The platform's data folder (see <see cref="PlatformDataFolder"/>), or <see langword="null"/>.</param>
    public static string? Default(Func<string, string?> getVariable, string? platformDataFolder)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var xdg = getVariable("XDG_DATA_HOME");
        var folder = !string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg) ? xdg
            : string.IsNullOrEmpty(platformDataFolder) ? null
            : platformDataFolder;
        return folder is null ? null : Path.Combine(folder, FolderName, FileName);
    }
}
