namespace BreathPacing.Web.Sessions;

/// <summary>What the server's event streams are doing, for logs and tests. Thread-safe.</summary>
public sealed class StreamStatistics
{
    private int _waiting;
    private long _droppedBehind;
    private long _droppedStalled;

    /// <summary>How many streams are waiting for their client to take what was written.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>How many clients were dropped for falling further behind than their buffer.</summary>
    public long DroppedBehind => Interlocked.Read(ref _droppedBehind);

    /// <summary>How many clients were dropped for taking nothing for the stall timeout.</summary>
    public long DroppedStalled => Interlocked.Read(ref _droppedStalled);

    internal void WaitStarted() => Interlocked.Increment(ref _waiting);

    internal void WaitEnded() => Interlocked.Decrement(ref _waiting);

    internal void FellBehind() => Interlocked.Increment(ref _droppedBehind);

    internal void Stalled() => Interlocked.Increment(ref _droppedStalled);
}
