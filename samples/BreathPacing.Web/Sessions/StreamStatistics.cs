namespace BreathPacing.Web.Sessions;

/// <summary>What the server's event streams are doing, for logs and tests. Thread-safe.</summary>
public sealed class StreamStatistics
{
    private int _waiting;
    private long _droppedBehind;
    private long _droppedStalled;
    private long _continued;
    private long _reset;
    private long _resetsSent;

    /// <summary>How many streams are waiting for their client to take what was written.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>How many clients were dropped for falling further behind than their buffer.</summary>
    public long DroppedBehind => Interlocked.Read(ref _droppedBehind);

    /// <summary>How many clients were dropped for taking nothing for the stall timeout.</summary>
    public long DroppedStalled => Interlocked.Read(ref _droppedStalled);

    /// <summary>How many streams carried on seamlessly on a fresh copy of their session (it had run past a change made elsewhere).</summary>
    public long ContinuedOnFreshCopy => Interlocked.Read(ref _continued);

    /// <summary>How many streams were told to start again (<c>reset</c>): their client had been sent events the fresh copy does not have.</summary>
    public long Reset => Interlocked.Read(ref _reset);

    /// <summary>How many <c>reset</c> events were written.</summary>
    public long ResetsSent => Interlocked.Read(ref _resetsSent);

    internal void Diverged(int continued, int reset)
    {
        Interlocked.Add(ref _continued, continued);
        Interlocked.Add(ref _reset, reset);
    }

    internal void ResetSent() => Interlocked.Increment(ref _resetsSent);

    internal void WaitStarted() => Interlocked.Increment(ref _waiting);

    internal void WaitEnded() => Interlocked.Decrement(ref _waiting);

    internal void FellBehind() => Interlocked.Increment(ref _droppedBehind);

    internal void Stalled() => Interlocked.Increment(ref _droppedStalled);
}
