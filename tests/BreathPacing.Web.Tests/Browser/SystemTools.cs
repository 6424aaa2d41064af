using System.Diagnostics;

namespace BreathPacing.Web.Tests.Browser;

/// <summary>A tool the browser tests need is missing and could not be installed; the message says what to install.</summary>
public sealed class MissingToolException(string message) : InvalidOperationException(message);

/// <summary>
/// What the browser tests may ask of the machine: whether a file exists, where a command is on PATH, whether this
/// process may install Debian packages, and running a command. Real by default; tests replace the parts.
/// </summary>
public sealed record SystemTools
{
    /// <summary>How long an install may take before it is given up.</summary>
    public static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(15);

    public Func<string, bool> FileExists { get; init; } = File.Exists;

    /// <summary>The full path of a command on PATH, or null.</summary>
    public Func<string, string?> FindOnPath { get; init; } = FindOnSystemPath;

    /// <summary>Whether this process runs as root (apt-get installs need it).</summary>
    public bool IsRoot { get; init; } = Environment.IsPrivilegedProcess;

    /// <summary>Runs a program with arguments (in a working directory, or the current one) and returns its exit code and its output.</summary>
    public Func<string, IReadOnlyList<string>, string?, CommandResult> Run { get; init; } = RunProcess;

    /// <summary>Where progress is reported (one line per step).</summary>
    public Action<string> Log { get; init; } = static line => Console.Error.WriteLine(line);

    /// <summary>Whether packages can be installed here: root, with apt-get on PATH.</summary>
    public bool MayInstallPackages => IsRoot && FindOnPath("apt-get") is not null;

    /// <summary>Installs Debian packages with apt-get (update, then install -y), or explains why not.</summary>
    /// <param name="packages">The package names.</param>
    /// <param name="forWhat">What they are needed for, for the messages.</param>
    /// <exception cref="MissingToolException">Not permitted, or apt-get failed.</exception>
    public void InstallDebianPackages(IReadOnlyList<string> packages, string forWhat)
    {
        var names = string.Join(' ', packages);
        if (!MayInstallPackages)
        {
            var why = IsRoot ? "apt-get is not available" : "this process is not root";
            throw new MissingToolException(
                $"{forWhat}: the Debian package(s) '{names}' are needed and not installed, and {why}, so the tests cannot install them. "
                + $"Install them (sudo apt-get install {names}) and run the tests again.");
        }

        Log($"{forWhat}: installing the Debian package(s) '{names}' (apt-get update && apt-get install -y {names}); this happens once per machine.");
        var aptGet = FindOnPath("apt-get")!;
        foreach (var arguments in new[] { (IReadOnlyList<string>)["update"], ["install", "-y", .. packages] })
        {
            var result = Run(aptGet, arguments, null);
            if (result.ExitCode != 0)
            {
                throw new MissingToolException(
                    $"{forWhat}: 'apt-get {string.Join(' ', arguments)}' failed with exit code {result.ExitCode}. Install '{names}' by hand "
                    + $"(apt-get install {names}) and run the tests again. Its last output:{Environment.NewLine}{Tail(result.Output)}");
            }
        }

        Log($"{forWhat}: installed '{names}'.");
    }

    private static string Tail(string output, int lines = 15) =>
        string.Join(Environment.NewLine, output.Split('\n').Select(static l => l.TrimEnd('\r')).Where(static l => l.Length > 0).TakeLast(lines));

    private static string? FindOnSystemPath(string command)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static CommandResult RunProcess(string program, IReadOnlyList<string> arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new MissingToolException($"Could not start {program}.");
        process.StandardInput.Close();
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(InstallTimeout))
        {
            process.Kill(entireProcessTree: true);
            return new CommandResult(-1, $"{program} did not finish within {InstallTimeout.TotalMinutes:0} minutes.");
        }

        process.WaitForExit(); // drains the redirected output
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString());
        }
    }
}

/// <summary>A finished command.</summary>
public sealed record CommandResult(int ExitCode, string Output);
