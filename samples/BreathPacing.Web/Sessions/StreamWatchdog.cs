using System.Reactive.Concurrency;

namespace BreathPacing.Web.Sessions;

/// <summary>
/// Keeps time for one event stream on the pacer's scheduler (so tests drive it with virtual time), with one pending
/// timer: it says when a heartbeat is due (nothing written for <see cref="WebSessionOptions.HeartbeatInterval"/>)
/// and calls <c>onStall</c> when a write has waited for the client longer than
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
    private TimeSpan _lastWrite;
    private TimeSpan? _waitingSince;
    private TimeSpan _armedFor;
    private IDisposable? _timer;
    private TaskCompletionSource? _heartbeatDue;
    private bool _heartbeatPending;
    private bool _done;

    /// <summary>Starts the watchdog; the first heartbeat is due one interval from now.</summary>
    /// <param name="scheduler">The clock.</param>
    /// <param name="heartbeat">The heartbeat interval.</param>
    /// <param name="stall">How long a write may wait for the client.</param>
    /// <param name="onStall">Called once, on the thread pool, when a write has waited too long.</param>
    public StreamWatchdog(IScheduler scheduler, TimeSpan heartbeat, TimeSpan stall, Action onStall)
    {
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

    /// <summary>Completes when nothing has been written for the heartbeat interval (at once, if that has happened already).</summary>
    /// <returns>A task for the next heartbeat.</returns>
    public Task HeartbeatDue()
    {
        lock (_gate)
        {
            if (_heartbeatPending)
            {
                _heartbeatPending = false;
                return Task.CompletedTask;
            }

            _heartbeatDue ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _heartbeatDue.Task;
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
        TaskCompletionSource? heartbeat = null;
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
                // Wake the writer, or leave the heartbeat pending for when it next waits (it may be finishing a write).
                heartbeat = _heartbeatDue;
                _heartbeatDue = null;
                _heartbeatPending = heartbeat is null;
                _lastWrite = now;
                ArmAt(now + _heartbeat);
            }
            else
            {
                ArmAt(_lastWrite + _heartbeat);
            }
        }

        heartbeat?.TrySetResult();
        if (stalled)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static a => ((Action)a!)(), _onStall);
        }
    }
}
