using System.Diagnostics;

namespace BreathPacing.Package.Tests;

/// <summary>Packs the library once, into a temporary local feed, under a version no cache has seen.</summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Feed = Directory.CreateTempSubdirectory("breathpacing-feed-").FullName;
        Version = $"0.1.0-pkgtest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        Pack = Run("dotnet", $"pack src/BreathPacing/BreathPacing.csproj -c Release -o \"{Feed}\" -p:Version={Version} -p:ContinuousIntegrationBuild=true -nologo", RepositoryRoot);
    }

    public string RepositoryRoot { get; }

    public string Feed { get; }

    public string Version { get; }

    public ProcessResult Pack { get; }

    public string PackagePath => Path.Combine(Feed, $"BreathPacing.{Version}.nupkg");

    public string SymbolsPath => Path.Combine(Feed, $"BreathPacing.{Version}.snupkg");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Feed, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }

    public static ProcessResult Run(string file, string arguments, string workingDirectory, int timeoutSeconds = 600)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            return new ProcessResult(-1, stdout.Result, stderr.Result + $"\n(timed out after {timeoutSeconds} s)");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BreathPacing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("BreathPacing.sln not found above " + AppContext.BaseDirectory);
    }
}

public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
