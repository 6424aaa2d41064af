using System.Reactive.Concurrency;

namespace BreathPacing.Web.Sessions;

/// <summary>
/// Keeps time for one event stream on the pacer's scheduler (so tests drive it with virtual time), with one pending
/// timer: it calls <c>onHeartbeat</c> when a heartbeat is due (nothing written for
/// <see cref="WebSessionOptions.HeartbeatInterval"/>) and <c>onStall</c> when a write has waited for the client longer than
/// <see cref="WebSessionOptions.StreamStallTimeout"/>. Thread-safe.
/// </summary>
public sealed class StreamWatchdog : IDisposable
{
    private readonly object _gate = new();
    private readonly IScheduler _scheduler;
    private readonly IStopwatch _clock;
    private readonly TimeSpan _heartbeat;
    private readonly TimeSpan _stall;
    private readonly Action _onStall;
    private readonly Action _onHeartbeat;
    private TimeSpan _lastWrite;
    private TimeSpan? _waitingSince;
    private TimeSpan _armedFor;
    private IDisposable? _timer;
    private bool _heartbeatPending;
    private bool _done;

    /// <summary>Starts the watchdog; the first heartbeat is due one interval from now.</summary>
    /// <param name="scheduler">The clock.</param>
    /// <param name="heartbeat">The heartbeat interval.</param>
    /// <param name="stall">How long a write may wait for the client.</param>
    /// <param name="onStall">Called once, on the thread pool, when a write has waited too long.</param>
    /// <param name="onHeartbeat">Called on the scheduler when a heartbeat falls due; it must be quick (wake the writer).</param>
    public StreamWatchdog(IScheduler scheduler, TimeSpan heartbeat, TimeSpan stall, Action onStall, Action onHeartbeat)
    {
        _onHeartbeat = onHeartbeat;
        _scheduler = scheduler;
        _clock = scheduler.StartStopwatch();
        _heartbeat = heartbeat;
        _stall = stall;
        _onStall = onStall;
        lock (_gate)
        {
            ArmAt(_heartbeat);
        }
    }

    /// <summary>Whether a heartbeat has fallen due since the last write; clears it.</summary>
    /// <returns><see langword="true"/> when the writer should send a heartbeat now.</returns>
    public bool TakeHeartbeat()
    {
        lock (_gate)
        {
            var due = _heartbeatPending;
            _heartbeatPending = false;
            return due;
        }
    }

    /// <summary>Records that data is being handed to the connection now: the heartbeat interval counts from here.</summary>
    public void Writing()
    {
        lock (_gate)
        {
            _lastWrite = _clock.Elapsed;
            _heartbeatPending = false;
        }
    }

    /// <summary>Records that the connection took everything written so far.</summary>
    public void Flushed()
    {
        lock (_gate)
        {
            _waitingSince = null;
        }
    }

    /// <summary>Records that a write is waiting for the client.</summary>
    public void Waiting()
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            _waitingSince = now;
            if (_armedFor > now + _stall)
            {
                ArmAt(now + _stall);
            }
        }
    }

    /// <summary>Cancels the timer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _done = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void ArmAt(TimeSpan due)
    {
        _timer?.Dispose();
        _armedFor = due;
        var delay = due - _clock.Elapsed;
        _timer = _scheduler.Schedule(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Fire);
    }

    private void Fire()
    {
        var heartbeat = false;
        var stalled = false;
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            var now = _clock.Elapsed;
            if (_waitingSince is { } since)
            {
                if (now - since >= _stall)
                {
                    stalled = true;
                    _done = true;
                    _timer = null;
                }
                else
                {
                    ArmAt(since + _stall);
                }
            }
            else if (now - _lastWrite >= _heartbeat)
            {
                // Pending until the writer takes it (it may be finishing a write, and then the write counts instead).
                heartbeat = true;
                _heartbeatPending = true;
                _lastWrite = now;
                ArmAt(now + _heartbeat);
            }
            else
            {
                ArmAt(_lastWrite + _heartbeat);
            }
        }

        if (heartbeat)
        {
            _onHeartbeat();
        }

        if (stalled)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static a => ((Action)a!)(), _onStall);
        }
    }
}
