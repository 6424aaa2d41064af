using BreathPacing.Benchmarks.Harness;
using BreathPacing.Benchmarks.Modes;

namespace BreathPacing.Benchmarks;

public static class Program
{
    private const string Usage = """
        Usage: dotnet run -c Release --project tests/BreathPacing.Benchmarks -- <mode> [options]
          micro     [--smoke] [BenchmarkDotNet arguments, e.g. --filter *Timeline*]
          accuracy  [--events N] [--period-ms P] [--minutes M] [--smoke]
          scale     [--sessions N] [--seconds S] [--ramp-seconds R] [--contenders a,b] [--smoke]
          web       [--clients N] [--seconds S] [--never-reading F] [--instances N --store memory|redis]
                    [--host-env NAME=VALUE,...] [--smoke]
          frames    [--streams N] [--seconds S] [--paused] [--smoke]
          memory    [--sessions N] [--hours H] [--smoke]
          startup   [--runs N] [--dll path] [--smoke]
          all       --smoke   (every mode for a few seconds, as CI does)
        """;

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "web" && !System.Runtime.GCSettings.IsServerGC && Environment.GetEnvironmentVariable("DOTNET_gcServer") is null)
        {
            // Thousands of SSE clients allocate a lot; under workstation GC their own pauses would be counted as the
            // server's lateness. Run the web mode's clients in a process with server GC.
            return RunWithServerGc(args);
        }

        try
        {
            var rest = args[1..];
            return args[0].ToLowerInvariant() switch
            {
                "micro" => MicroMode.Run(rest),
                "accuracy" => AccuracyMode.Run(new HarnessArgs(rest)),
                "scale" => ScaleMode.Run(new HarnessArgs(rest)),
                "web" => WebMode.Run(new HarnessArgs(rest)),
                "frames" => FramesMode.Run(new HarnessArgs(rest)),
                "memory" => MemoryMode.Run(new HarnessArgs(rest)),
                "startup" => StartupMode.Run(new HarnessArgs(rest)),
                "all" => RunAll(rest),
                _ => throw new ArgumentException($"Unknown mode '{args[0]}'."),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    private static int RunWithServerGc(string[] args)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The harness cannot find its own executable.");
        var info = new System.Diagnostics.ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_gcServer"] = "1";
        using var child = System.Diagnostics.Process.Start(info)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    private static int RunAll(string[] rest)
    {
        if (!rest.Contains("--smoke"))
        {
            throw new ArgumentException("'all' runs only with --smoke; run long modes one by one.");
        }

        var rc = 0;
        rc |= AccuracyMode.Run(new HarnessArgs(["--smoke"]));
        rc |= ScaleMode.Run(new HarnessArgs(["--smoke"]));
        rc |= FramesMode.Run(new HarnessArgs(["--smoke"]));
        rc |= MemoryMode.Run(new HarnessArgs(["--smoke"]));
        try
        {
            rc |= WebMode.Run(new HarnessArgs(["--smoke"]));
        }
        catch (DirectoryNotFoundException ex)
        {
            Console.WriteLine($"web: skipped: {ex.Message}");
        }

        rc |= MicroMode.Run(["--smoke"]);
        return rc;
    }
}
