using System.Threading.Channels;

namespace BreathPacing.Web.Sessions;

/// <summary>
/// One client's event stream on a <see cref="WebSession"/>: the events it must be replayed (a range of the session's
/// log, read on demand, never copied) and a small bounded buffer of live events. A client that lets the buffer
/// fill is dropped: <see cref="Dropped"/> is cancelled and the buffer released. Dispose when the request ends.
/// </summary>
public sealed class EventStream : IDisposable
{
    private readonly WebSession _session;
    private readonly Channel<StampedEvent> _live;
    private readonly CancellationTokenSource _dropped = new();
    private readonly Action _release;
    private int _disposed;
    private volatile bool _fellBehind;

    internal EventStream(WebSession session, int replayFrom, int replayTo, EventStamp replayStamp, int capacity, bool ended, Action release)
    {
        _session = session;
        ReplayFrom = replayFrom;
        ReplayTo = replayTo;
        ReplayStamp = replayStamp;
        _release = release;
        _live = Channel.CreateBounded<StampedEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping silently
        });
        if (ended)
        {
            _live.Writer.TryComplete();
        }
    }

    /// <summary>The session the stream reads.</summary>
    public WebSession Session => _session;

    /// <summary>The first index of the session's log to replay.</summary>
    public int ReplayFrom { get; }

    /// <summary>The index after the last one to replay; later events arrive through <see cref="Live"/>.</summary>
    public int ReplayTo { get; }

    /// <summary>The stamp replayed events carry: taken when the client connected.</summary>
    public EventStamp ReplayStamp { get; }

    /// <summary>The live events, each stamped as the engine emitted it; completes when the session ends.</summary>
    public ChannelReader<StampedEvent> Live => _live.Reader;

    /// <summary>How many live events wait in the buffer.</summary>
    public int Buffered => _live.Reader.Count;

    /// <summary>Whether the client fell further behind than the buffer allows.</summary>
    public bool FellBehind => _fellBehind;

    /// <summary>Cancelled when the client falls behind; the writer then drops the connection.</summary>
    public CancellationToken Dropped => _dropped.Token;

    /// <summary>Detaches from the session and frees the stream's place under the caps. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _session.Detach(this);
        _live.Writer.TryComplete();
        while (_live.Reader.TryRead(out _))
        {
            // Release the buffered events now rather than with the stream.
        }

        _release();
        _dropped.Dispose();
    }

    /// <summary>Called by the session, in event order, under its lock.</summary>
    internal void Offer(in StampedEvent e)
    {
        if (_fellBehind || _live.Writer.TryWrite(e))
        {
            return;
        }

        _fellBehind = true;
        _live.Writer.TryComplete();

        // Cancelling runs the writer's continuations; keep them off the engine's thread.
        ThreadPool.UnsafeQueueUserWorkItem(static s => ((EventStream)s!).CancelDropped(), this);
    }

    /// <summary>Called by the session when it has ended: no more live events.</summary>
    internal void Complete() => _live.Writer.TryComplete();

    private void CancelDropped()
    {
        try
        {
            _dropped.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The request ended first.
        }
    }
}
