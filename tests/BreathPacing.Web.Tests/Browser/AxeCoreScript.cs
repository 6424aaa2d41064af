using System.Text.Json;

namespace BreathPacing.Web.Tests.Browser;

/// <summary>
/// The axe-core accessibility engine (npm package <c>axe-core</c>, pinned), installed with npm into a cache folder
/// under the test output the first time it is needed (nothing is committed). Without npm, and permitted to install
/// packages, it installs Debian's <c>npm</c> first; otherwise it fails naming what to install.
/// </summary>
public sealed class AxeCoreScript(SystemTools tools, string cacheDirectory)
{
    public const string Version = "4.14.1";

    private readonly Lazy<string> _script = new(() => Install(tools, cacheDirectory), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The cache folder under this test assembly's output.</summary>
    public static string DefaultCacheDirectory => Path.Combine(AppContext.BaseDirectory, "node-cache", $"axe-core-{Version}");

    /// <summary>axe.min.js, to inject into a page. Installed once; later calls return the same text or throw the same error.</summary>
    /// <exception cref="MissingToolException">npm is missing and could not be installed, or npm install failed.</exception>
    public string Source() => File.ReadAllText(_script.Value);

    private static string ScriptIn(string directory) => Path.Combine(directory, "node_modules", "axe-core", "axe.min.js");

    private static string Install(SystemTools tools, string cacheDirectory)
    {
        var script = ScriptIn(cacheDirectory);
        if (tools.FileExists(script))
        {
            return script;
        }

        const string ForWhat = "Accessibility checks";
        if (tools.FindOnPath("npm") is null)
        {
            tools.Log($"{ForWhat}: npm is not on PATH.");
            tools.InstallDebianPackages(["npm"], ForWhat);
        }

        var npm = tools.FindOnPath("npm") ?? throw new MissingToolException($"{ForWhat}: npm is still not on PATH; install Node.js with npm.");

        // Install beside the cache and move it into place, so a run that stops half-way leaves no half-filled cache.
        var staging = $"{cacheDirectory}.staging-{Environment.ProcessId}";
        Directory.CreateDirectory(staging);
        tools.Log($"{ForWhat}: npm install axe-core@{Version} into {cacheDirectory}.");
        var result = tools.Run(npm, ["install", "--prefix", staging, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error", $"axe-core@{Version}"], staging);
        if (result.ExitCode != 0 || !tools.FileExists(ScriptIn(staging)))
        {
            throw new MissingToolException(
                $"{ForWhat}: 'npm install axe-core@{Version}' failed (exit code {result.ExitCode}); the npm registry must be reachable. Its output:{Environment.NewLine}{result.Output.Trim()}");
        }

        var installed = JsonDocument.Parse(File.ReadAllText(Path.Combine(staging, "node_modules", "axe-core", "package.json"))).RootElement.GetProperty("version").GetString();
        if (installed != Version)
        {
            throw new MissingToolException($"{ForWhat}: npm installed axe-core {installed}, not {Version}.");
        }

        try
        {
            Directory.Move(staging, cacheDirectory);
        }
        catch (IOException) when (tools.FileExists(script))
        {
            Directory.Delete(staging, recursive: true); // another run filled the cache first
        }

        return script;
    }
}
