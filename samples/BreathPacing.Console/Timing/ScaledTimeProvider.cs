namespace BreathPacing.ConsoleHost.Timing;

/// <summary>
/// A <see cref="TimeProvider"/> on which time runs <see cref="Speed"/> times faster than on an inner one,
/// for demos and tests (<c>--speed</c>). The pattern is never changed: a 4 s inhale still lasts 4 s of
/// this provider's time, which passes faster. Its clock derives from the inner monotonic timestamp, so it
/// never jumps backwards when the wall clock is adjusted.
/// </summary>
internal sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly long _originTimestamp;
    private readonly DateTimeOffset _originUtc;

    public ScaledTimeProvider(TimeProvider inner, double speed)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!double.IsFinite(speed) || speed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed must be a positive, finite factor.");
        }

        _inner = inner;
        Speed = speed;
        _originTimestamp = inner.GetTimestamp();
        _originUtc = inner.GetUtcNow();
    }

    /// <summary>How many times faster than the inner provider time runs here.</summary>
    public double Speed { get; }

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long GetTimestamp() => _originTimestamp + (long)((_inner.GetTimestamp() - _originTimestamp) * Speed);

    public override DateTimeOffset GetUtcNow() => _originUtc + Scale(_inner.GetElapsedTime(_originTimestamp));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, Unscale(dueTime), Unscale(period)), this);

    private TimeSpan Scale(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * Speed));

    /// <summary>Maps a span of this provider's time to the inner provider's, keeping infinite and zero as they are.</summary>
    private TimeSpan Unscale(TimeSpan scaled) =>
        scaled == Timeout.InfiniteTimeSpan || scaled <= TimeSpan.Zero ? scaled : TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(scaled.Ticks / Speed)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Unscale(dueTime), owner.Unscale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
