using System.Diagnostics;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using BreathPacing.Benchmarks.Harness;
using BreathPacing.Scheduling;

namespace BreathPacing.Benchmarks.Modes;

/// <summary>
/// N concurrent Three-Part Breath sessions (4 s inhale and exhale, three regions each: a boundary every
/// 4/3 s), started evenly over a ramp so their boundaries are spread in time, then measured for a window.
/// Contenders, in this order in one process: the engine on Rx's DefaultScheduler, the engine on its
/// default (the shared TimerWheelScheduler), the floor (the same boundaries on the same wheel with no Rx, no event
/// objects and a no-op consumer: what the machine can do), and the naive peer (one Rx Observable.Interval per
/// session, mapped to a beat). Ratios are printed to the floor and to the naive peer.
/// Lateness is timed on every segment boundary (6 per cycle, the instants a user sees); the PhaseStarted
/// and CycleCompleted events the engine delivers at the same instants are counted but not timed.
/// </summary>
public static class ScaleMode
{
    private static readonly long SegmentTicks = TimeSpan.FromSeconds(4).Ticks / 3;
    private static readonly double TimestampsPerTick = Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond;

    public static int Run(HarnessArgs args)
    {
        var smoke = args.Flag("smoke");
        var sessions = args.Int("sessions", smoke ? 2_000 : 100_000);
        var seconds = args.Number("seconds", smoke ? 2 : 30);
        var ramp = args.Number("ramp-seconds", smoke ? 1 : Math.Max(8, sessions / 100_000.0 * 4));
        var only = args.Text("contenders")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        args.RejectUnknown();
        if (sessions > 2_000_000 || seconds > 3600)
        {
            throw new ArgumentException("scale is bounded to 2,000,000 sessions and 3,600 s.");
        }

        Machine.PrintHeader("scale");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sessions={sessions} window={seconds} s ramp={ramp} s (Three-Part Breath, 4 s phases, a boundary every 1.333 s)"));

        var timeline = new BreathTimeline(BreathingTechniques.ThreePartBreath());
        var contenders = new List<(string Name, Func<Func<long, LatencyRecorder, IDisposable>> Factory)>
        {
            ("engine-rx-default-scheduler", () => EngineStarter(new BreathPacer(new BreathPacingOptions { Scheduler = DefaultScheduler.Instance }), timeline)),
            ("engine-timer-wheel", () => EngineStarter(new BreathPacer(), timeline)), // the pacer's default
            ("floor-wheel-no-engine", () => (t0, recorder) => FloorSession.Start(timeline, TimerWheelScheduler.Shared, t0, recorder)),
            ("naive-rx-interval", NaiveStarter),
        };

        var results = new List<ContenderResult>();
        foreach (var (name, factory) in contenders)
        {
            if (only is not null && !only.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            results.Add(RunOne(name, factory(), sessions, seconds, ramp));
            Thread.Sleep(500);
        }

        Report.Print($"scale: {sessions:N0} concurrent Three-Part sessions, {seconds:0.#} s window", results);
        PrintRatios(results);

        // A failed run for CI: the engine early (an invariant) or silent.
        var broken = results.Where(r => (r.Name.StartsWith("engine", StringComparison.Ordinal) || r.Name.StartsWith("floor", StringComparison.Ordinal)) && (r.Early > 0 || r.Events == 0)).ToList();
        foreach (var r in broken)
        {
            Console.Error.WriteLine($"scale: {r.Name} delivered {r.Events} boundaries, {r.Early} early.");
        }

        return broken.Count == 0 ? 0 : 1;
    }

    private static Func<long, LatencyRecorder, IDisposable> EngineStarter(BreathPacer pacer, BreathTimeline timeline) =>
        (t0, recorder) => pacer.Pace(timeline).Subscribe(new EngineObserver(t0, recorder));

    private static Func<long, LatencyRecorder, IDisposable> NaiveStarter()
    {
        // What a developer would write without the library: a timer per session, ticking once per region.
        var period = TimeSpan.FromTicks(SegmentTicks);
        return (t0, recorder) => Observable.Interval(period)
            .Select(i => new NaiveBeat(i, (int)(i / 3 % 2), (int)(i % 3)))
            .Subscribe(new NaiveObserver(t0, recorder, period.Ticks));
    }

    private static ContenderResult RunOne(string name, Func<long, LatencyRecorder, IDisposable> start, int sessions, double seconds, double ramp)
    {
        Console.WriteLine($"-- {name}: starting {sessions:N0} sessions over {ramp:0.#} s");
        var recorder = new LatencyRecorder();
        var subscriptions = new IDisposable[sessions];
        var baseline = Machine.ManagedBytesAfterFullGc();

        var rampStart = Stopwatch.GetTimestamp();
        var perSession = ramp * Stopwatch.Frequency / sessions;
        for (var i = 0; i < sessions; i++)
        {
            var due = rampStart + (long)(i * perSession);
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Sleep(1);
            }

            subscriptions[i] = start(Stopwatch.GetTimestamp(), recorder);
        }

        var rampTook = Stopwatch.GetElapsedTime(rampStart).TotalSeconds;
        // Steady state: a long-running server has long since promoted its sessions to gen 2; do it now, so the
        // window does not time the one-off copying of every session out of gen 0. Then let every session pass
        // a boundary or two.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Thread.Sleep(2000);

        var cpu0 = Machine.Cpu();
        var pause0 = GC.GetTotalPauseDuration();
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var alloc0 = Machine.AllocatedBytes();
        var wall0 = Stopwatch.GetTimestamp();
        recorder.Enabled = true;
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        recorder.Enabled = false;
        var wall = Stopwatch.GetElapsedTime(wall0).TotalSeconds;
        var alloc = Machine.AllocatedBytes() - alloc0;
        var cpu = (Machine.Cpu() - cpu0).TotalSeconds;
        var gcPause = (GC.GetTotalPauseDuration() - pause0).TotalMilliseconds;
        var gcs = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(2) - gen2}";
        var load = Machine.LoadAverage();

        // Measured after the window: a full GC of a million live sessions would itself stall the timers.
        var live = Machine.ManagedBytesAfterFullGc() - baseline;
        var disposeStart = Stopwatch.GetTimestamp();
        foreach (var s in subscriptions)
        {
            s.Dispose();
        }

        var disposeTook = Stopwatch.GetElapsedTime(disposeStart).TotalSeconds;
        Array.Clear(subscriptions);
        Thread.Sleep(200);
        var left = Machine.ManagedBytesAfterFullGc() - baseline;

        var h = recorder.Merge();
        var expected = sessions * seconds / (SegmentTicks / (double)TimeSpan.TicksPerSecond);
        var cpuMicrosPerEvent = h.Count == 0 ? double.NaN : cpu * 1e6 / h.Count;
        var result = ContenderResult.FromHistogram("scale", name, h) with
        {
            CpuPct = cpu / wall * 100,
            BytesPerEvent = h.Count == 0 ? double.NaN : alloc / (double)h.Count,
            MemPerSessionBytes = live / (double)sessions,
            Extra =
            [
                ("boundaries/s", Report.F(h.Count / wall)),
                ("expected/s", Report.F(expected / seconds)),
                ("other events", h.Other.ToString(CultureInfo.InvariantCulture)),
                ("CPU µs/boundary", Report.F(cpuMicrosPerEvent)),
                ("bytes per delivered event", Report.F(alloc / (double)Math.Max(1, h.Count + h.Other))),
                ("bytes/session after dispose", Report.F(left / (double)sessions)),
                ("GCs (all/gen2)", gcs),
                ("GC pause ms", Report.F(gcPause)),
                ("load avg after", load.Split(' ')[0]),
                ("ramp s", Report.F(rampTook)),
                ("dispose s", Report.F(disposeTook)),
            ],
        };
        Console.WriteLine(FormattableString.Invariant($"-- {name}: {h.Count:N0} boundaries, p50 {result.P50Ms:0.###} ms, p99 {result.P99Ms:0.###} ms, CPU {result.CpuPct:0.#} %"));
        return result;
    }

    private static void PrintRatios(List<ContenderResult> results)
    {
        foreach (var prefix in new[] { "floor", "naive" })
        {
            var peer = results.FirstOrDefault(r => r.Name.StartsWith(prefix, StringComparison.Ordinal));
            if (peer is null)
            {
                continue;
            }

            Console.WriteLine();
            Console.WriteLine($"| ratio to {peer.Name} | p50 | p99 | CPU per boundary | bytes/event | managed bytes/session |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var r in results.Where(r => r != peer && r.Name.StartsWith("engine", StringComparison.Ordinal)))
            {
                Console.WriteLine($"| {r.Name} / {peer.Name} | {Report.F(r.P50Ms / peer.P50Ms)} | {Report.F(r.P99Ms / peer.P99Ms)} | {Report.F(CpuPerEvent(r) / CpuPerEvent(peer))} | {Report.F(r.BytesPerEvent / peer.BytesPerEvent)} | {Report.F(r.MemPerSessionBytes / peer.MemPerSessionBytes)} |");
                Console.WriteLine($"RESULT mode=scale ratio={r.Name}/{peer.Name} cpu_per_boundary={Report.F(CpuPerEvent(r) / CpuPerEvent(peer))} p99={Report.F(r.P99Ms / peer.P99Ms)} bytes_per_session={Report.F(r.MemPerSessionBytes / peer.MemPerSessionBytes)}");
            }
        }

        Console.WriteLine();
    }

    private static double CpuPerEvent(ContenderResult r) => r.CpuPct!.Value / (r.Events!.Value == 0 ? double.NaN : r.Events.Value);

    private sealed record NaiveBeat(long Index, int Phase, int Segment);

    private sealed class EngineObserver(long t0, LatencyRecorder recorder) : IObserver<BreathEvent>
    {
        public void OnNext(BreathEvent value)
        {
            if (value is SegmentStarted)
            {
                var now = Stopwatch.GetTimestamp();
                recorder.Record(now - (t0 + (long)(value.Offset.Ticks * TimestampsPerTick)));
            }
            else
            {
                recorder.CountOther();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => Console.Error.WriteLine(error);
    }

    private sealed class NaiveObserver(long t0, LatencyRecorder recorder, long periodTicks) : IObserver<NaiveBeat>
    {
        public void OnNext(NaiveBeat value)
        {
            var now = Stopwatch.GetTimestamp();
            recorder.Record(now - (t0 + (long)((value.Index + 1) * periodTicks * TimestampsPerTick)));
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => Console.Error.WriteLine(error);
    }
}
