using System.Diagnostics;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using BreathPacing.Benchmarks.Harness;
using BreathPacing.Scheduling;

namespace BreathPacing.Benchmarks.Modes;

/// <summary>
/// Concurrently, in one process, each contender emits the same N instants k × P (k = 1..N) after its
/// start: the BreathPacing engine (a pattern of P ms phases; every PhaseStarted is one instant) on Rx's
/// DefaultScheduler and on its default (the shared TimerWheelScheduler), Rx Observable.Interval, a Task.Delay loop and a
/// PeriodicTimer. Each observed instant is compared with the ideal one by a Stopwatch: lateness is
/// signed (negative = early), drift is the last event's lateness.
/// </summary>
public static class AccuracyMode
{
    public static int Run(HarnessArgs args)
    {
        var smoke = args.Flag("smoke");
        var periodMs = args.Number("period-ms", 250);
        var minutes = args.Text("minutes") is null ? (double?)null : args.Number("minutes", 1);
        var events = minutes is { } m ? (int)Math.Ceiling(m * 60_000 / periodMs) : args.Int("events", smoke ? 12 : 60);
        args.RejectUnknown();
        if (periodMs < 10 || periodMs > 60_000 || events * periodMs > 3_600_000)
        {
            throw new ArgumentException("accuracy is bounded: --period-ms from 10 to 60,000 and at most one hour in all.");
        }

        Machine.PrintHeader("accuracy");
        var period = TimeSpan.FromMilliseconds(periodMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events={events} period={periodMs} ms (about {events * periodMs / 1000:0.#} s), all contenders at once"));

        Contender[] Contenders(int n, TimeSpan p) =>
        [
            new("breathpacing-engine-rx-default-scheduler", n, (c, ct) => Engine(c, new BreathPacer(new BreathPacingOptions { Scheduler = DefaultScheduler.Instance }), p, ct)),
            new("breathpacing-engine-timer-wheel", n, (c, ct) => Engine(c, new BreathPacer(), p, ct)), // the pacer's default
            new("rx-observable-interval", n, (c, ct) => RxInterval(c, p, ct)),
            new("task-delay-loop", n, (c, _) => TaskDelayLoop(c, p)),
            new("periodic-timer", n, (c, _) => PeriodicTimerLoop(c, p)),
        ];

        // Warm-up: a short run of every contender, so that JIT compilation is not timed as lateness.
        var warmUp = TimeSpan.FromMilliseconds(20);
        Task.WaitAll([.. Contenders(4, warmUp).Select(c => c.Start(warmUp, CancellationToken.None))], TimeSpan.FromSeconds(10));

        var contenders = Contenders(events, period);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds((events * periodMs) + 15_000));
        var cpu0 = Machine.Cpu();
        var tasks = contenders.Select(c => Task.Run(() => c.Start(period, cts.Token))).ToArray();
        try
        {
            Task.WaitAll(tasks, cts.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("accuracy: a contender did not finish in time; reporting what arrived.");
        }

        var results = contenders.Select(c => c.Result()).ToList();
        Report.Print($"accuracy: {events} events, {periodMs:0.#} ms apart, concurrently (CPU {(Machine.Cpu() - cpu0).TotalSeconds:0.00} s in all)", results);
        // A failed run for CI: a contender that did not deliver everything, or the engine early (an invariant).
        var engineEarly = results.Where(r => r.Name.StartsWith("breathpacing", StringComparison.Ordinal)).Sum(r => r.Early ?? 0);
        if (engineEarly > 0)
        {
            Console.Error.WriteLine($"accuracy: the engine delivered {engineEarly} early event(s).");
        }

        return results.Any(r => r.Events != events) || engineEarly > 0 ? 1 : 0;
    }

    private static Task Engine(Contender c, BreathPacer pacer, TimeSpan period, CancellationToken ct)
    {
        var pattern = BreathPattern.Create("accuracy").Inhale(period).Exhale(period).Build();
        var timeline = new BreathTimeline(pattern, SessionLength.Cycles((c.Expected / 2) + 1));
        var done = new TaskCompletionSource();
        var t0 = Stopwatch.GetTimestamp();
        c.Begin(t0);
        var subscription = pacer.Pace(timeline, pacer.DefaultScheduler).Subscribe(
            e =>
            {
                if (e is PhaseStarted { Offset.Ticks: > 0 } p)
                {
                    c.Record(p.Offset.Ticks / period.Ticks, Stopwatch.GetTimestamp());
                    if (c.Count == c.Expected)
                    {
                        done.TrySetResult();
                    }
                }
            },
            () => done.TrySetResult());
        ct.Register(() => done.TrySetResult());
        return done.Task.ContinueWith(_ => subscription.Dispose(), TaskScheduler.Default);
    }

    private static Task RxInterval(Contender c, TimeSpan period, CancellationToken ct)
    {
        var done = new TaskCompletionSource();
        c.Begin(Stopwatch.GetTimestamp());
        var subscription = Observable.Interval(period).Take(c.Expected).Subscribe(i => c.Record(i + 1, Stopwatch.GetTimestamp()), () => done.TrySetResult());
        ct.Register(() => done.TrySetResult());
        return done.Task.ContinueWith(_ => subscription.Dispose(), TaskScheduler.Default);
    }

    private static async Task TaskDelayLoop(Contender c, TimeSpan period)
    {
        c.Begin(Stopwatch.GetTimestamp());
        for (var k = 1; k <= c.Expected; k++)
        {
            await Task.Delay(period).ConfigureAwait(false);
            c.Record(k, Stopwatch.GetTimestamp());
        }
    }

    private static async Task PeriodicTimerLoop(Contender c, TimeSpan period)
    {
        using var timer = new PeriodicTimer(period);
        c.Begin(Stopwatch.GetTimestamp());
        for (var k = 1; k <= c.Expected; k++)
        {
            await timer.WaitForNextTickAsync().ConfigureAwait(false);
            c.Record(k, Stopwatch.GetTimestamp());
        }
    }

    private sealed class Contender(string name, int expected, Func<Contender, CancellationToken, Task> run)
    {
        private readonly List<double> _lateMs = new(expected);
        private long _t0;
        private double _periodTimestamps;

        public string Name => name;

        public int Expected => expected;

        public int Count
        {
            get
            {
                lock (_lateMs)
                {
                    return _lateMs.Count;
                }
            }
        }

        public Task Start(TimeSpan period, CancellationToken ct)
        {
            _periodTimestamps = period.Ticks * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond);
            return run(this, ct);
        }

        public void Begin(long t0) => _t0 = t0;

        public void Record(long k, long now)
        {
            var ideal = _t0 + (long)Math.Round(k * _periodTimestamps);
            lock (_lateMs)
            {
                if (_lateMs.Count < expected)
                {
                    _lateMs.Add((now - ideal) * 1000.0 / Stopwatch.Frequency);
                }
            }
        }

        public ContenderResult Result()
        {
            List<double> values;
            lock (_lateMs)
            {
                values = [.. _lateMs];
            }

            var sorted = values.Order().ToList();
            double Q(double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
            return new ContenderResult("accuracy", name)
            {
                Events = values.Count,
                Early = values.Count(v => v < 0),
                P50Ms = Q(0.5),
                P99Ms = Q(0.99),
                MaxMs = sorted.Count == 0 ? double.NaN : sorted[^1],
                DriftMs = values.Count == 0 ? double.NaN : values[^1],
                Extra =
                [
                    ("most early ms", sorted.Count == 0 || sorted[0] >= 0 ? "0" : Report.F(sorted[0])),
                    ("first event ms", values.Count == 0 ? "n/a" : Report.F(values[0])),
                ],
            };
        }
    }
}
