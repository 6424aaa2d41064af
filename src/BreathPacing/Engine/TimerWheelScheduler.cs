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
/// <see cref="BreathPacer"/> engine's are, and it never lets a subscriber's exception reach the wheel's
/// thread. An exception that escapes another action is not caught, as with Rx's own schedulers. Disposing
/// the scheduler stops its thread and drops every pending action.
/// </para>
/// <para>
/// Its stopwatch (<see cref="StartStopwatch"/>, found by Rx through <see cref="IServiceProvider"/>) reads the
/// same monotonic timestamp, so a session on the wheel never follows changes of the wall clock. After an
/// idle spell the wheel jumps to the current slot: waking costs O(pending actions), not O(idle time).
/// </para>
/// </remarks>
public sealed class TimerWheelScheduler : LocalScheduler, IDisposable
{
    /// <summary>The number of slots: the wheel spans about 16 s; later due times wait whole turns.</summary>
    private const int SlotCount = 1 << 14;
    private const int SlotMask = SlotCount - 1;

    private static readonly TimeSpan MaximumDueTime = TimeSpan.FromDays(36_525);

    /// <summary>The pseudo-slot of actions already due when scheduled: they run on the next pass, whatever the slot.</summary>
    private const long DueNowSlot = long.MinValue;

    private static readonly Lazy<TimerWheelScheduler> LazyShared = new(() => new TimerWheelScheduler(TimeProvider.System, "BreathPacing shared timer wheel"));

    private readonly object _gate = new();
    private readonly Entry?[] _slots = new Entry?[SlotCount];
    private Entry? _dueNow;
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

    /// <summary>How many slots the wheel has stepped through one by one (a diagnostic for tests: idle time must not cost steps).</summary>
    internal long SlotsVisited { get; private set; }

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

    /// <summary>The wall-clock time of <see cref="TimeProvider"/> (used only for absolute due times; durations use its monotonic timestamp).</summary>
    public override DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <inheritdoc />
    public override IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var item = new ScheduledItem<TState>(this, state, action);
        var now = TimeProvider.GetTimestamp();
        Insert(item, DueTimestamp(dueTime, now), now);
        return item;
    }

    /// <summary>Schedules <paramref name="action"/> at <paramref name="dueTime"/> on this scheduler's wall clock (<see cref="Now"/>), converted once to a monotonic delay.</summary>
    /// <typeparam name="TState">The type of the state.</typeparam>
    /// <param name="state">The state passed to the action.</param>
    /// <param name="dueTime">The absolute due time.</param>
    /// <param name="action">The action.</param>
    /// <returns>A disposable that cancels the action if it has not run.</returns>
    public override IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, dueTime - Now, action);

    /// <summary>A stopwatch on <see cref="TimeProvider"/>'s monotonic timestamp.</summary>
    /// <returns>A started stopwatch.</returns>
    public override IStopwatch StartStopwatch() => new TimeProviderStopwatch(TimeProvider);

    /// <summary>The monotonic timestamp of <see cref="TimeProvider"/> now, for <see cref="ElapsedTicks"/>.</summary>
    internal long Timestamp() => TimeProvider.GetTimestamp();

    /// <summary>The ticks elapsed on the monotonic clock since <paramref name="timestamp"/>.</summary>
    internal long ElapsedTicks(long timestamp) => TimeProvider.GetElapsedTime(timestamp).Ticks;

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

            for (var entry = _dueNow; entry is not null;)
            {
                var next = entry.Next;
                entry.Next = entry.Previous = null;
                entry.Slot = -1;
                entry = next;
            }

            _dueNow = null;
            _count = 0;
        }

        _wake.Set();
        if (_thread is not null && _thread != Thread.CurrentThread && _thread.IsAlive)
        {
            _thread.Join();
        }

        _wake.Dispose();
    }

    /// <summary>
    /// Arms (or re-arms) <paramref name="entry"/> to fire after <paramref name="dueTime"/>: the engine's sessions and
    /// frame tickers are their own entries, so re-arming allocates nothing. A firing that raced with a re-arm or a
    /// cancel is dropped (see <see cref="Entry.IsStale"/>).
    /// </summary>
    internal void Arm(Entry entry, TimeSpan dueTime)
    {
        var now = TimeProvider.GetTimestamp();
        var due = DueTimestamp(dueTime, now);
        bool signal;
        lock (_gate)
        {
            entry.Version++;
            signal = InsertLocked(entry, due, now);
        }

        if (signal)
        {
            _wake.Set();
        }
    }

    /// <summary>Cancels <paramref name="entry"/> if it is armed; it may be armed again.</summary>
    internal void Cancel(Entry entry)
    {
        lock (_gate)
        {
            entry.Version++;
            Unlink(entry);
        }
    }

    /// <summary>
    /// Runs every action that is due by now (those scheduled as already due, then every slot that has ended), on
    /// the calling thread; returns how many ran. The wheel's thread calls it in a loop; tests on a fake clock call it
    /// directly.
    /// </summary>
    internal int RunDue()
    {
        var currentSlot = SlotAt(TimeProvider.GetTimestamp());
        Entry? dueNow;
        lock (_gate)
        {
            // Only what was already due when this pass began: an action that schedules more "now" work gets it run on
            // the next pass, so a pass always ends.
            dueNow = _disposed ? null : DetachDueNow();
        }

        var ran = RunBatch(dueNow);
        while (true)
        {
            Entry? batch;
            lock (_gate)
            {
                if (_disposed)
                {
                    return ran;
                }

                if (_count == 0 || _processedSlot >= currentSlot)
                {
                    // Nothing pending: jump to now, so a wake-up after an idle spell walks no empty slots.
                    _processedSlot = Math.Max(_processedSlot, _count == 0 ? currentSlot : _processedSlot);
                    return ran;
                }

                batch = currentSlot - _processedSlot > SlotCount ? DetachAllDue(currentSlot) : DetachNextSlot(currentSlot);
            }

            ran += RunBatch(batch);
        }
    }

    private int RunBatch(Entry? batch)
    {
        var ran = 0;
        while (batch is not null && !Volatile.Read(ref _disposed))
        {
            var entry = batch;
            batch = entry.NextDue;
            entry.NextDue = null;
            entry.Fire();
            ran++;
        }

        return ran;
    }

    private long SlotAt(long timestamp) => (timestamp - _epoch) / _timestampsPerSlot;

    /// <summary>The timestamp <paramref name="dueTime"/> after <paramref name="now"/>, rounded up.</summary>
    private long DueTimestamp(TimeSpan dueTime, long now)
    {
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

    private void Insert(Entry entry, long dueTimestamp, long now)
    {
        bool signal;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            signal = InsertLocked(entry, dueTimestamp, now);
        }

        if (signal)
        {
            _wake.Set();
        }
    }

    /// <summary>
    /// Puts <paramref name="entry"/> in its slot; returns whether the thread must wake earlier. <paramref name="now"/> is
    /// when the due instant was computed (read once per arm). Call under the lock.
    /// </summary>
    private bool InsertLocked(Entry entry, long dueTimestamp, long now)
    {
        if (_disposed)
        {
            return false; // a re-arm racing with Dispose: dropped, as every pending action is
        }

        Unlink(entry);
        if (_count == 0)
        {
            // An empty wheel has nothing to catch up on: start from the current slot, not from when it fell idle.
            _processedSlot = Math.Max(_processedSlot, SlotAt(now));
        }

        if (dueTimestamp <= now)
        {
            // Already due: run on the next pass without waiting for the current slot to end.
            entry.Slot = DueNowSlot;
            entry.Previous = null;
            entry.Next = _dueNow;
            if (_dueNow is not null)
            {
                _dueNow.Previous = entry;
            }

            _dueNow = entry;
            _count++;
            _wakeSlot = long.MinValue;
            return _thread is not null;
        }

        // The slot whose end is at or after the due instant, so that running it is never early.
        var slot = (dueTimestamp - _epoch + _timestampsPerSlot - 1) / _timestampsPerSlot;
        var signal = false;
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
        if (entry.Slot == -1) // not pending (DueNowSlot is negative too)
        {
            return;
        }

        if (entry.Previous is not null)
        {
            entry.Previous.Next = entry.Next;
        }
        else if (entry.Slot == DueNowSlot)
        {
            _dueNow = entry.Next;
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

    /// <summary>Takes the entries scheduled as already due off the wheel as a batch, oldest first. Call under the lock.</summary>
    private Entry? DetachDueNow()
    {
        Entry? batch = null;
        while (_dueNow is { } entry)
        {
            Unlink(entry); // removes the head; prepending to the batch reverses the newest-first list
            entry.BatchedVersion = entry.Version;
            entry.NextDue = batch;
            batch = entry;
        }

        return batch;
    }

    /// <summary>Advances over empty slots to the next occupied one (at most <paramref name="currentSlot"/>) and takes its due entries. Call under the lock.</summary>
    private Entry? DetachNextSlot(long currentSlot)
    {
        while (_processedSlot < currentSlot)
        {
            SlotsVisited++;
            var slot = ++_processedSlot;
            if (_slots[slot & SlotMask] is not null && DetachDue(slot) is { } batch)
            {
                return batch;
            }
        }

        return null;
    }

    /// <summary>
    /// After a gap longer than a turn of the wheel (the thread was starved or the process suspended): one sweep of every
    /// bucket takes all the entries due by <paramref name="currentSlot"/>, in due order. O(slots + pending). Call under the lock.
    /// </summary>
    private Entry? DetachAllDue(long currentSlot)
    {
        var due = new List<Entry>();
        foreach (var head in _slots)
        {
            for (var entry = head; entry is not null; entry = entry.Next)
            {
                if (entry.Slot <= currentSlot)
                {
                    due.Add(entry);
                }
            }
        }

        due.Sort(static (a, b) => a.Slot.CompareTo(b.Slot));
        Entry? batch = null;
        for (var i = due.Count - 1; i >= 0; i--)
        {
            Unlink(due[i]);
            due[i].BatchedVersion = due[i].Version;
            due[i].NextDue = batch;
            batch = due[i];
        }

        _processedSlot = currentSlot;
        return batch;
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

                var next = _dueNow is not null ? long.MinValue : NextOccupiedSlot();
                _wakeSlot = next;
                if (next == long.MinValue)
                {
                    timeout = 0;
                }
                else if (next == long.MaxValue)
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

    /// <summary>
    /// A node of the wheel: intrusive links, so scheduling allocates nothing beyond the node itself (and nothing at all
    /// for an owner that is its own node and re-arms it).
    /// </summary>
    internal abstract class Entry
    {
        internal Entry? Next;
        internal Entry? Previous;
        internal Entry? NextDue;
        internal long Slot = -1;
        internal int Version;
        internal int BatchedVersion;

        /// <summary>
        /// Whether this firing is stale: the entry was re-armed or cancelled after the wheel took it off for running.
        /// Read lock-free: a re-arm or cancel bumps <see cref="Version"/> under the wheel's lock.
        /// </summary>
        internal bool IsStale => Volatile.Read(ref Version) != BatchedVersion;

        internal abstract void Fire();
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
