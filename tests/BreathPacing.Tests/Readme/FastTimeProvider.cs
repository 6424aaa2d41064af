namespace BreathPacing.Tests.Readme;

/// <summary>The real clock, running <c>speed</c> times faster: real threads and timers, short waits.</summary>
internal sealed class FastTimeProvider(double speed) : TimeProvider
{
    private readonly long _origin = System.GetTimestamp();

    public override long GetTimestamp() => _origin + (long)((System.GetTimestamp() - _origin) * speed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromTicks((long)(span.Ticks / speed));
}
