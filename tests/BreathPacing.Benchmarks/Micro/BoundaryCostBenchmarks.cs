using BenchmarkDotNet.Attributes;
using BreathPacing.Benchmarks.Harness;
using BreathPacing.Benchmarks.Modes;
using BreathPacing.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace BreathPacing.Benchmarks.Micro;

/// <summary>
/// What one boundary costs, on a timer wheel driven by hand on a fake clock (no thread, no timing noise): 10,000
/// Three-Part Breath sessions each reach one segment boundary per operation (4/3 s of fake time), and every event
/// at that instant is delivered. Side by side: the engine with a no-op subscriber, the engine's frames (one frame per
/// session per operation, on paused sessions so that only frames run), and the floor (the same boundaries on the same
/// wheel, no engine: see <see cref="FloorSession"/>). Per operation: one session's boundary (or frame), including every
/// event due with it.
/// </summary>
[MemoryDiagnoser]
public class BoundaryCostBenchmarks
{
    private const int Sessions = 10_000;
    private static readonly TimeSpan Segment = TimeSpan.FromTicks(TimeSpan.FromSeconds(4).Ticks / 3);

    private readonly List<IDisposable> _running = [];
    private FakeTimeProvider _clock = null!;
    private TimerWheelScheduler _wheel = null!;

    [GlobalSetup(Target = nameof(Engine))]
    public void SetupEngine() => Setup(timeline =>
    {
        var pacer = new BreathPacer(new BreathPacingOptions { Scheduler = _wheel });
        return pacer.Pace(timeline).Subscribe(new NoOp<BreathEvent>());
    });

    [GlobalSetup(Target = nameof(Frames))]
    public void SetupFrames() => Setup(timeline =>
    {
        var session = new BreathPacer(new BreathPacingOptions { Scheduler = _wheel }).Start(timeline);
        session.Pause(); // frames go on sampling a paused session: this measures the frames alone
        return new Both(session, session.Frames(Segment).Subscribe(new NoOp<BreathFrame>()));
    });

    [GlobalSetup(Target = nameof(Floor))]
    public void SetupFloor() => Setup(timeline => FloorSession.Start(timeline, _wheel, 0, new LatencyRecorder()));

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var running in _running)
        {
            running.Dispose();
        }

        _running.Clear();
        _wheel.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Sessions)]
    public int Engine() => Step();

    [Benchmark(OperationsPerInvoke = Sessions)]
    public int Frames() => Step();

    [Benchmark(OperationsPerInvoke = Sessions, Baseline = true)]
    public int Floor() => Step();

    private void Setup(Func<BreathTimeline, IDisposable> start)
    {
        _clock = new FakeTimeProvider();
        _wheel = new TimerWheelScheduler(_clock, startThread: false);
        var timeline = new BreathTimeline(BreathingTechniques.ThreePartBreath());
        for (var i = 0; i < Sessions; i++)
        {
            _running.Add(start(timeline));
        }

        _wheel.RunDue(); // every session's first events, due at once
    }

    private int Step()
    {
        _clock.Advance(Segment);
        return _wheel.RunDue();
    }

    private sealed class NoOp<T> : IObserver<T>
    {
        public void OnNext(T value)
        {
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            second.Dispose();
            first.Dispose();
        }
    }
}
