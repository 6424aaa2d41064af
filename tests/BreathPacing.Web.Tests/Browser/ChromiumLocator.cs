namespace BreathPacing.Web.Tests.Browser;

/// <summary>
/// Finds the Chromium the browser tests drive: CHROMIUM_PATH when set (and then only there), else Debian's
/// /usr/bin/chromium, else other usual places and names. When there is none and this process may install packages
/// (root, with apt-get), it installs Debian's <c>chromium</c> package, once; otherwise it fails with a message naming
/// what to install. Playwright never downloads a browser here.
/// </summary>
public sealed class ChromiumLocator(SystemTools tools, string? overridePath)
{
    public const string EnvironmentVariable = "CHROMIUM_PATH";
    public const string DebianPackage = "chromium";

    /// <summary>Where Chromium usually is, Debian's first.</summary>
    public static readonly IReadOnlyList<string> UsualPaths =
    [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium", "/snap/bin/chromium",
        "/usr/bin/google-chrome-stable", "/usr/bin/google-chrome",
    ];

    /// <summary>Command names looked for on PATH when none of <see cref="UsualPaths"/> exists.</summary>
    public static readonly IReadOnlyList<string> UsualCommands = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

    private readonly Lazy<string> _ensured = new(() => Ensure(tools, overridePath), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The machine's own locator, reading CHROMIUM_PATH.</summary>
    public static ChromiumLocator ForThisMachine(Action<string> log) =>
        new(new SystemTools { Log = log }, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The path of a Chromium executable, installing Debian's package first if need be and permitted. Done once: later calls return the first answer (or throw its error).</summary>
    /// <exception cref="MissingToolException">No Chromium, and it could not be installed; the message says what to do.</exception>
    public string Ensure() => _ensured.Value;

    /// <summary>The path of a Chromium executable already on this machine, or null.</summary>
    /// <exception cref="MissingToolException">CHROMIUM_PATH names a file that does not exist.</exception>
    public string? Find() => Find(tools, overridePath);

    private static string? Find(SystemTools tools, string? overridePath)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            if (tools.FileExists(overridePath))
            {
                return overridePath;
            }

            throw new MissingToolException(
                $"{EnvironmentVariable} is '{overridePath}', but there is no file there. Point {EnvironmentVariable} at a Chromium executable, "
                + $"or unset it to use Debian's '{DebianPackage}' package ({UsualPaths[0]}).");
        }

        return UsualPaths.FirstOrDefault(tools.FileExists) ?? UsualCommands.Select(tools.FindOnPath).FirstOrDefault(static p => p is not null);
    }

    private static string Ensure(SystemTools tools, string? overridePath)
    {
        if (Find(tools, overridePath) is { } found)
        {
            return found;
        }

        const string ForWhat = "Browser tests";
        tools.Log($"{ForWhat}: no Chromium found (looked at {string.Join(", ", UsualPaths)} and on PATH).");
        tools.InstallDebianPackages([DebianPackage], ForWhat);
        return Find(tools, overridePath) ?? throw new MissingToolException(
            $"{ForWhat}: the '{DebianPackage}' package was installed, yet no Chromium is at {string.Join(", ", UsualPaths)} or on PATH. "
            + $"Set {EnvironmentVariable} to the Chromium executable.");
    }
}
