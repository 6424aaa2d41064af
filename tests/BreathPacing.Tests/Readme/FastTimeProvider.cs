namespace BreathPacing.Tests.Readme;

/// <summary>
/// The real clock running <see cref="Speed"/> times faster: real threads and timers, short waits. README programs
/// run on it, so a 30 s session takes 0.3 s at speed 100 and still goes through the engine's real timer path.
/// </summary>
internal sealed class FastTimeProvider : TimeProvider
{
    private readonly long _originTimestamp = TimeProvider.System.GetTimestamp();
    private readonly DateTimeOffset _originUtc = TimeProvider.System.GetUtcNow();

    public FastTimeProvider(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1);
        Speed = speed;
    }

    public double Speed { get; }

    public override long GetTimestamp() => _originTimestamp + (long)((TimeProvider.System.GetTimestamp() - _originTimestamp) * Speed);

    public override DateTimeOffset GetUtcNow() => _originUtc + TimeSpan.FromTicks((long)(TimeProvider.System.GetElapsedTime(_originTimestamp).Ticks * Speed));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new FastTimer(TimeProvider.System.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    /// <summary>A span of this clock's time as real time, rounded up so a timer never fires early; infinite and zero stay.</summary>
    private TimeSpan ToReal(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(span.Ticks / Speed)));

    private sealed class FastTimer(ITimer real, FastTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => real.Change(clock.ToReal(dueTime), clock.ToReal(period));

        public void Dispose() => real.Dispose();

        public ValueTask DisposeAsync() => real.DisposeAsync();
    }
}
