namespace BreathPacing.ConsoleHost.Tests.Support;

/// <summary>A fresh folder under the system's temp folder, deleted with everything in it when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bp-console-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The journal file the app uses by default when XDG_DATA_HOME is this folder.</summary>
    public string DefaultJournal => System.IO.Path.Combine(Path, "BreathPacing", "journal.db");

    /// <summary>Environment variables that make this folder the user's data folder (XDG_DATA_HOME).</summary>
    public Dictionary<string, string> DataHome => new() { ["XDG_DATA_HOME"] = Path };

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the system's temp cleaning takes it later.
        }
    }
}
