using System.Diagnostics;
using System.Globalization;
using BreathPacing.Benchmarks.Harness;

namespace BreathPacing.Benchmarks.Modes;

/// <summary>
/// N concurrent animation-frame streams at 60 fps on the default timer wheel: one Three-Part Breath session each,
/// running, with one <c>Frames(1/60 s)</c> subscription whose observer times every frame against its ideal instant
/// (subscription + index × interval). Reports lateness, CPU, and managed bytes allocated per frame in the steady
/// state: with running sessions their own events (about 1.1 per second each) are allocated too and counted apart;
/// with --paused only frames run.
/// </summary>
public static class FramesMode
{
    private static readonly TimeSpan Interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 60);

    public static int Run(HarnessArgs args)
    {
        var smoke = args.Flag("smoke");
        var streams = args.Int("streams", smoke ? 500 : 10_000);
        var seconds = args.Number("seconds", smoke ? 2 : 30);
        var paused = args.Flag("paused");
        args.RejectUnknown();

        Machine.PrintHeader("frames");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"streams={streams} window={seconds} s interval=1/60 s (Three-Part Breath sessions, running)"));

        var pacer = new BreathPacer();
        var recorder = new LatencyRecorder();
        var events = new EventCounter();
        var sessions = new List<BreathSession>(streams);
        var subscriptions = new List<IDisposable>(streams);
        var timeline = new BreathTimeline(BreathingTechniques.ThreePartBreath());
        var ramp = Stopwatch.GetTimestamp();
        for (var i = 0; i < streams; i++)
        {
            // Started over a second, so the streams' frames are spread over the 16.7 ms interval, as clients' would be.
            while (Stopwatch.GetElapsedTime(ramp).TotalSeconds < i / (double)streams)
            {
                Thread.Sleep(1);
            }

            var session = pacer.Start(timeline);
            if (paused)
            {
                session.Pause(); // frames go on sampling a paused session: only frames run
            }

            sessions.Add(session);
            subscriptions.Add(session.Events.Subscribe(events));
            subscriptions.Add(session.Frames(Interval).Subscribe(new FrameObserver(Stopwatch.GetTimestamp(), recorder)));
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Thread.Sleep(1000);
        var cpu0 = Machine.Cpu();
        var alloc0 = Machine.AllocatedBytes();
        var gcs0 = GC.CollectionCount(0);
        var events0 = events.Count;
        var wall0 = Stopwatch.GetTimestamp();
        recorder.Enabled = true;
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        recorder.Enabled = false;
        var wall = Stopwatch.GetElapsedTime(wall0).TotalSeconds;
        var alloc = Machine.AllocatedBytes() - alloc0;
        var cpu = (Machine.Cpu() - cpu0).TotalSeconds;
        var eventCount = events.Count - events0;
        var gcs = GC.CollectionCount(0) - gcs0;
        foreach (var s in subscriptions)
        {
            s.Dispose();
        }

        foreach (var s in sessions)
        {
            s.Dispose();
        }

        var h = recorder.Merge();
        var result = ContenderResult.FromHistogram("frames", paused ? "engine-frames-paused-sessions" : "engine-frames-timer-wheel", h) with
        {
            CpuPct = cpu / wall * 100,
            // Everything the process allocated in the window, per frame: with running sessions this includes their events
            // (counted apart); with --paused only frames run.
            BytesPerEvent = h.Count == 0 ? double.NaN : alloc / (double)h.Count,
            Extra =
            [
                ("frames/s", Report.F(h.Count / wall)),
                ("expected/s", Report.F(streams * 60.0)),
                ("CPU µs/frame", Report.F(cpu * 1e6 / Math.Max(1, h.Count))),
                ("session events", eventCount.ToString(CultureInfo.InvariantCulture)),
                ("gen0 GCs", gcs.ToString(CultureInfo.InvariantCulture)),
                ("load avg after", Machine.LoadAverage().Split(' ')[0]),
            ],
        };
        Report.Print($"frames: {streams:N0} concurrent Frames(1/60 s) streams, {seconds:0.#} s window", [result]);
        return h.Early > 0 || h.Count == 0 ? 1 : 0;
    }

    private sealed class FrameObserver(long t0, LatencyRecorder recorder) : IObserver<BreathFrame>
    {
        private static readonly double TimestampsPerTick = Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond;

        public void OnNext(BreathFrame value) =>
            recorder.Record(Stopwatch.GetTimestamp() - (t0 + (long)(value.Index * Interval.Ticks * TimestampsPerTick)));

        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => Console.Error.WriteLine(error);
    }

    private sealed class EventCounter : IObserver<BreathEvent>
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void OnNext(BreathEvent value) => Interlocked.Increment(ref _count);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => Console.Error.WriteLine(error);
    }
}
