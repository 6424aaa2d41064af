using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace BreathPacing.Scheduling;

/// <summary>
/// An Rx scheduler for very many concurrent timers: one hashed timer wheel of 1 ms slots, walked by one
/// dedicated thread that runs every due action of a slot as a batch. Scheduling and cancelling are O(1)
/// and hold no operating-system timer, so a hundred thousand or a million pending sessions cost memory
/// only for themselves, not for a timer each. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Time comes from a <see cref="System.TimeProvider"/> (by default <see cref="TimeProvider.System"/>):
/// due instants are absolute timestamps of its monotonic clock, and an action runs only once that clock
/// has reached the end of the slot its due instant falls in, so it never runs early; it typically runs
/// up to about 1 ms late (the slot width plus the operating system's wake-up latency).
/// </para>
/// <para>
/// Every action runs on the wheel's thread, one after another, so an action should be short; the
/// <see cref="BreathPacer"/> engine's are. An exception that escapes an action is not caught, as with
/// Rx's own schedulers (the engine never lets a subscriber's exception escape). Disposing the scheduler
/// stops its thread and drops every pending action.
/// </para>
/// </remarks>
public sealed class TimerWheelScheduler : IScheduler, IStopwatchProvider, IDisposable
{
    /// <summary>The number of slots: the wheel spans about 16 s; later due times wait whole turns.</summary>
    private const int SlotCount = 1 << 14;
    private const int SlotMask = SlotCount - 1;

    private static readonly TimeSpan MaximumDueTime = TimeSpan.FromDays(36_525);

    private static readonly Lazy<TimerWheelScheduler> LazyShared = new(() => new TimerWheelScheduler(TimeProvider.System, "BreathPacing shared timer wheel"));

    private readonly object _gate = new();
    private readonly Entry?[] _slots = new Entry?[SlotCount];
    private readonly long _epoch;
    private readonly long _timestampsPerSlot;
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread? _thread;
    private long _processedSlot;
    private long _wakeSlot = long.MaxValue;
    private int _count;
    private bool _disposed;

    /// <summary>Creates a wheel on <see cref="TimeProvider.System"/>, with its own thread.</summary>
    public TimerWheelScheduler()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a wheel whose clock is <paramref name="timeProvider"/>'s timestamp, with its own thread.</summary>
    /// <param name="timeProvider">The clock; its <see cref="TimeProvider.GetTimestamp"/> must be monotonic.</param>
    public TimerWheelScheduler(TimeProvider timeProvider)
        : this(timeProvider, "BreathPacing timer wheel")
    {
    }

    private TimerWheelScheduler(TimeProvider timeProvider, string threadName)
        : this(timeProvider, startThread: true)
    {
        _thread!.Name = threadName;
        _thread.Start();
    }

    /// <summary>Creates a wheel; without a thread, <see cref="RunDue"/> drives it (for tests on a fake clock).</summary>
    internal TimerWheelScheduler(TimeProvider timeProvider, bool startThread)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        _timestampsPerSlot = Math.Max(1, timeProvider.TimestampFrequency / 1000);
        _epoch = timeProvider.GetTimestamp();
        if (startThread)
        {
            _thread = new Thread(Run) { IsBackground = true };
        }
    }

    /// <summary>
    /// A process-wide wheel on <see cref="TimeProvider.System"/>, created on first use. Its thread is a
    /// background thread that lives as long as the process; disposing it does nothing.
    /// </summary>
    public static TimerWheelScheduler Shared => LazyShared.Value;

    /// <summary>The width of one slot: the wheel's resolution.</summary>
    public static TimeSpan Resolution { get; } = TimeSpan.FromMilliseconds(1);

    /// <summary>The clock behind this scheduler.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>How many actions are waiting to run.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <inheritdoc />
    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, TimeSpan.Zero, action);

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var item = new ScheduledItem<TState>(this, state, action);
        Insert(item, DueTimestamp(dueTime));
        return item;
    }

    /// <inheritdoc />
    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, dueTime - Now, action);

    /// <inheritdoc />
    public IStopwatch StartStopwatch() => new TimeProviderStopwatch(TimeProvider);

    /// <summary>Stops the wheel's thread and drops every pending action. Does nothing on <see cref="Shared"/>.</summary>
    public void Dispose()
    {
        if (ReferenceEquals(this, LazyShared.IsValueCreated ? LazyShared.Value : null))
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            for (var i = 0; i < _slots.Length; i++)
            {
                for (var entry = _slots[i]; entry is not null;)
                {
                    var next = entry.Next;
                    entry.Next = entry.Previous = null;
                    entry.Slot = -1;
                    entry = next;
                }

                _slots[i] = null;
            }

            _count = 0;
        }

        _wake.Set();
        if (_thread is not null && _thread != Thread.CurrentThread && _thread.IsAlive)
        {
            _thread.Join();
        }

        _wake.Dispose();
    }

    /// <summary>A reusable timer for one owner (the engine keeps one per session), so re-arming allocates nothing.</summary>
    internal ReusableTimer CreateTimer(object owner, Action<object, long> callback) => new(this, owner, callback);

    /// <summary>
    /// Runs every action whose slot has ended by now, on the calling thread; returns how many ran. The
    /// wheel's thread calls it in a loop; tests on a fake clock call it directly.
    /// </summary>
    internal int RunDue()
    {
        var now = TimeProvider.GetTimestamp();
        var currentSlot = (now - _epoch) / _timestampsPerSlot;
        var ran = 0;
        while (true)
        {
            Entry? batch;
            lock (_gate)
            {
                if (_disposed || _processedSlot >= currentSlot)
                {
                    return ran;
                }

                var slot = ++_processedSlot;
                batch = DetachDue(slot);
            }

            while (batch is not null && !Volatile.Read(ref _disposed))
            {
                var entry = batch;
                batch = entry.NextDue;
                entry.NextDue = null;
                entry.Fire();
                ran++;
            }
        }
    }

    private long DueTimestamp(TimeSpan dueTime)
    {
        var now = TimeProvider.GetTimestamp();
        if (dueTime <= TimeSpan.Zero)
        {
            return now;
        }

        // Exact integer conversion, rounded up: a due instant is never moved earlier. Beyond a century
        // (e.g. TimeSpan.MaxValue) the arithmetic would overflow into the past, so it waits a century.
        var ticks = Math.Min(dueTime.Ticks, MaximumDueTime.Ticks);
        var frequency = TimeProvider.TimestampFrequency;
        var whole = ticks / TimeSpan.TicksPerSecond * frequency;
        var part = ((ticks % TimeSpan.TicksPerSecond * frequency) + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        return now + whole + part;
    }

    private void Insert(Entry entry, long dueTimestamp)
    {
        bool signal;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            signal = InsertLocked(entry, dueTimestamp);
        }

        if (signal)
        {
            _wake.Set();
        }
    }

    /// <summary>Puts <paramref name="entry"/> in its slot; returns whether the thread must wake earlier. Call under the lock.</summary>
    private bool InsertLocked(Entry entry, long dueTimestamp)
    {
        // The slot whose end is at or after the due instant, so that running it is never early.
        var slot = (dueTimestamp - _epoch + _timestampsPerSlot - 1) / _timestampsPerSlot;
        if (_disposed)
        {
            return false; // a re-arm racing with Dispose: dropped, as every pending action is
        }

        var signal = false;
        Unlink(entry);
        if (slot <= _processedSlot)
        {
            slot = _processedSlot + 1; // that slot ends after now, hence after the due instant
        }

        entry.Slot = slot;
        ref var head = ref _slots[slot & SlotMask];
        entry.Previous = null;
        entry.Next = head;
        if (head is not null)
        {
            head.Previous = entry;
        }

        head = entry;
        _count++;
        if (slot < _wakeSlot)
        {
            _wakeSlot = slot;
            signal = _thread is not null;
        }

        return signal;
    }

    /// <summary>Removes <paramref name="entry"/> if it is pending. Call under the lock.</summary>
    private void Unlink(Entry entry)
    {
        if (entry.Slot < 0)
        {
            return;
        }

        if (entry.Previous is not null)
        {
            entry.Previous.Next = entry.Next;
        }
        else
        {
            _slots[entry.Slot & SlotMask] = entry.Next;
        }

        if (entry.Next is not null)
        {
            entry.Next.Previous = entry.Previous;
        }

        entry.Next = entry.Previous = null;
        entry.Slot = -1;
        _count--;
    }

    private void Cancel(Entry entry)
    {
        lock (_gate)
        {
            Unlink(entry);
        }
    }

    /// <summary>Takes the entries due in <paramref name="slot"/> off the wheel as a batch. Call under the lock.</summary>
    private Entry? DetachDue(long slot)
    {
        Entry? batch = null;
        Entry? last = null;
        for (var entry = _slots[slot & SlotMask]; entry is not null;)
        {
            var next = entry.Next;
            if (entry.Slot <= slot)
            {
                Unlink(entry);
                entry.BatchedVersion = entry.Version;
                if (last is null)
                {
                    batch = entry;
                }
                else
                {
                    last.NextDue = entry;
                }

                last = entry;
            }

            entry = next;
        }

        return batch;
    }

    private void Run()
    {
        while (true)
        {
            RunDue();
            int timeout;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                var next = NextOccupiedSlot();
                _wakeSlot = next;
                if (next == long.MaxValue)
                {
                    timeout = Timeout.Infinite;
                }
                else
                {
                    var remaining = _epoch + (next * _timestampsPerSlot) - TimeProvider.GetTimestamp();
                    timeout = remaining <= 0 ? 0 : (int)Math.Min(int.MaxValue, (remaining + _timestampsPerSlot - 1) / _timestampsPerSlot);
                }
            }

            if (timeout != 0)
            {
                _wake.WaitOne(timeout);
            }
        }
    }

    /// <summary>The first slot after the processed one that holds an entry, or <see cref="long.MaxValue"/>. Call under the lock.</summary>
    private long NextOccupiedSlot()
    {
        if (_count == 0)
        {
            return long.MaxValue;
        }

        for (var slot = _processedSlot + 1; slot <= _processedSlot + SlotCount; slot++)
        {
            if (_slots[slot & SlotMask] is not null)
            {
                return slot;
            }
        }

        return _processedSlot + 1;
    }

    /// <summary>A node of the wheel: intrusive links, so scheduling allocates nothing beyond the node itself.</summary>
    internal abstract class Entry
    {
        internal Entry? Next;
        internal Entry? Previous;
        internal Entry? NextDue;
        internal long Slot = -1;
        internal long Version;
        internal long BatchedVersion;

        internal abstract void Fire();
    }

    /// <summary>A timer an owner arms again and again; a stale firing (re-armed or cancelled meanwhile) is dropped.</summary>
    internal sealed class ReusableTimer : Entry, IDisposable
    {
        private readonly TimerWheelScheduler _wheel;
        private readonly object _owner;
        private readonly Action<object, long> _callback;
        private long _argument;

        internal ReusableTimer(TimerWheelScheduler wheel, object owner, Action<object, long> callback)
        {
            _wheel = wheel;
            _owner = owner;
            _callback = callback;
        }

        /// <summary>Arms (or re-arms) the timer to call back with <paramref name="argument"/> after <paramref name="dueTime"/>.</summary>
        public void Arm(TimeSpan dueTime, long argument)
        {
            var due = _wheel.DueTimestamp(dueTime);
            bool signal;
            lock (_wheel._gate)
            {
                Version++;
                Volatile.Write(ref _argument, argument); // ordered after the Version bump, for the lock-free Fire
                signal = _wheel.InsertLocked(this, due);
            }

            if (signal)
            {
                _wheel._wake.Set();
            }
        }

        /// <summary>Cancels the timer if it is armed; it may be armed again.</summary>
        public void Dispose()
        {
            lock (_wheel._gate)
            {
                Version++;
                _wheel.Unlink(this);
            }
        }

        internal override void Fire()
        {
            // Lock-free: a re-arm bumps Version under the wheel's lock before it changes the argument, so a
            // firing that raced with a re-arm is either seen as stale here or carries the old argument,
            // which the owner rejects (the engine compares it with its current generation).
            var argument = Volatile.Read(ref _argument);
            if (Volatile.Read(ref Version) != BatchedVersion)
            {
                return;
            }

            _callback(_owner, argument);
        }
    }

    private sealed class ScheduledItem<TState> : Entry, IDisposable
    {
        private readonly TimerWheelScheduler _wheel;
        private readonly TState _state;
        private readonly Func<IScheduler, TState, IDisposable> _action;
        private IDisposable? _result;
        private int _done; // 0 pending, 1 ran, 2 disposed

        public ScheduledItem(TimerWheelScheduler wheel, TState state, Func<IScheduler, TState, IDisposable> action)
        {
            _wheel = wheel;
            _state = state;
            _action = action;
        }

        public void Dispose()
        {
            var previous = Interlocked.Exchange(ref _done, 2);
            if (previous == 0)
            {
                _wheel.Cancel(this);
            }
            else if (previous == 1)
            {
                Interlocked.Exchange(ref _result, Disposable.Empty)?.Dispose();
            }
        }

        internal override void Fire()
        {
            if (Interlocked.CompareExchange(ref _done, 1, 0) != 0)
            {
                return;
            }

            var result = _action(_wheel, _state);
            if (Interlocked.CompareExchange(ref _result, result, null) is not null)
            {
                result.Dispose(); // disposed while running: what the action returned goes too
            }
        }
    }
}
