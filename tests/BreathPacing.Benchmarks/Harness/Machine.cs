using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BreathPacing.Benchmarks.Harness;

/// <summary>CPU time, allocations and memory of this process, for the measurement windows.</summary>
public static class Machine
{
    public static TimeSpan Cpu()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime;
    }

    public static long AllocatedBytes() => GC.GetTotalAllocatedBytes(precise: true);

    public static long ManagedBytesAfterFullGc()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static void PrintHeader(string mode)
    {
        Console.WriteLine($"# BreathPacing benchmarks: {mode}");
        Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical CPUs, " +
                          $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024)} MiB available to the GC, server GC: {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"Load average at start: {LoadAverage()}");
    }

    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
