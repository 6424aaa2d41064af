using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace BreathPacing.Benchmarks.Modes;

/// <summary>
/// BenchmarkDotNet with MemoryDiagnoser over the library's hot paths. Runs in process (no generated
/// project to build). Other BenchmarkDotNet arguments pass through; without --filter every benchmark runs.
/// --smoke runs each benchmark once (a dry job), to prove they run.
/// </summary>
public static class MicroMode
{
    public static int Run(string[] args)
    {
        var smoke = args.Contains("--smoke", StringComparer.OrdinalIgnoreCase);
        var rest = args.Where(a => !a.Equals("--smoke", StringComparison.OrdinalIgnoreCase)).ToList();
        if (!rest.Any(a => a is "--filter" or "-f"))
        {
            rest.AddRange(["--filter", "*"]);
        }

        var job = smoke
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
            : Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(4).WithIterationCount(12);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job.WithId(smoke ? "smoke" : "micro"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroMode).Assembly).Run([.. rest], config);
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports)
            {
                var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                var median = report.ResultStatistics?.Median / 1e6;
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                var p = report.BenchmarkCase.HasParameters ? "(" + report.BenchmarkCase.Parameters.PrintInfo + ")" : string.Empty;
                Console.WriteLine(FormattableString.Invariant($"RESULT mode=micro name={report.BenchmarkCase.Descriptor.Type.Name}.{name}{p.Replace(' ', '_')} p50_ms={median:0.#########} bytes_per_event={allocated ?? 0}"));
            }
        }

        return failed ? 1 : 0;
    }
}
