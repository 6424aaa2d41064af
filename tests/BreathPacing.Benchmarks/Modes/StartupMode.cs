using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BreathPacing.Benchmarks.Harness;

namespace BreathPacing.Benchmarks.Modes;

/// <summary>
/// How soon the web host answers: starts the built host (samples/BreathPacing.Web, Release) as a process on a free
/// port, polls /healthz every 5 ms, and reports the time from process start to the first 200. Repeated; the median
/// is the figure.
/// </summary>
public static class StartupMode
{
    public static int Run(HarnessArgs args)
    {
        var smoke = args.Flag("smoke");
        var runs = args.Int("runs", smoke ? 1 : 7);
        var dll = args.Text("dll");
        args.RejectUnknown();

        Machine.PrintHeader("startup");
        dll ??= FindHost();
        Console.WriteLine($"host: {Path.GetFileName(dll)}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(dll)!,
            };
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            double? ms = null;
            while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
                try
                {
                    using var response = http.GetAsync($"http://127.0.0.1:{port}/healthz").GetAwaiter().GetResult();
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                Thread.Sleep(5);
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            if (ms is null)
            {
                Console.Error.WriteLine("startup: the host never answered /healthz.");
                return 1;
            }

            times.Add(ms.Value);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-- run {run + 1}: /healthz 200 after {ms:0} ms"));
        }

        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT mode=startup name=web-healthz runs={runs} p50_ms={median:0} min_ms={times[0]:0} max_ms={times[^1]:0}"));
        return 0;
    }

    private static string FindHost()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BreathPacing.sln")))
        {
            dir = dir.Parent;
        }

        var dll = dir is null ? null : Path.Combine(dir.FullName, "samples", "BreathPacing.Web", "bin", "Release", "net10.0", "BreathPacing.Web.dll");
        return dll is not null && File.Exists(dll)
            ? dll
            : throw new DirectoryNotFoundException("Build the web host first (dotnet build samples/BreathPacing.Web -c Release) or pass --dll.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
