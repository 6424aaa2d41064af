namespace BreathPacing.Practice;

/// <summary>
/// A practice journal in memory: for tests, for apps that persist it themselves (export to JSON on exit, import on start),
/// and as the model for other implementations of <see cref="IPracticeJournal"/>. Thread-safe: every call is atomic, so
/// a reader never sees half of an <see cref="AppendRangeAsync"/>. Calls complete synchronously.
/// </summary>
public sealed class InMemoryPracticeJournal : IPracticeJournal
{
    private readonly object _gate = new();
    private readonly List<PracticeRecord> _records = []; // ordered by end time as an instant, then by append order
    private readonly HashSet<PracticeRecord> _kept = [];

    /// <summary>How many records the journal keeps.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> AppendAsync(PracticeRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return new(Insert(record));
        }
    }

    /// <inheritdoc />
    public ValueTask<int> AppendRangeAsync(IEnumerable<PracticeRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var batch = records.ToArray(); // enumerate (and check) before taking the lock: nothing changes if this throws
        for (var i = 0; i < batch.Length; i++)
        {
            if (batch[i] is null)
            {
                throw new ArgumentException($"Invalid records[{i}] = null: expected a record; nothing was added.", nameof(records));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var added = 0;
            foreach (var record in batch)
            {
                added += Insert(record) ? 1 : 0;
            }

            return new(added);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<PracticeRecord>> QueryAsync(PracticeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var start = query.From is { } from ? FirstAtOrAfter(from.UtcTicks) : 0;
            var result = new List<PracticeRecord>();
            for (var i = start; i < _records.Count; i++)
            {
                var record = _records[i];
                if (query.To is { } to && record.EndedAt >= to)
                {
                    break;
                }

                if (query.Matches(record))
                {
                    result.Add(record);
                }
            }

            return new(result.AsReadOnly());
        }
    }

    /// <inheritdoc />
    public ValueTask<int> DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var count = _records.Count;
            _records.Clear();
            _kept.Clear();
            return new(count);
        }
    }

    private bool Insert(PracticeRecord record)
    {
        if (!_kept.Add(record))
        {
            return false;
        }

        // After every record that ended at or before it: appends in time order cost O(1) to place.
        var ticks = record.EndedAt.UtcTicks;
        var index = _records.Count;
        if (index > 0 && _records[index - 1].EndedAt.UtcTicks > ticks)
        {
            index = FirstAfter(ticks);
        }

        _records.Insert(index, record);
        return true;
    }

    private int FirstAtOrAfter(long ticks) => Search(ticks, after: false);

    private int FirstAfter(long ticks) => Search(ticks, after: true);

    private int Search(long ticks, bool after)
    {
        int lo = 0, hi = _records.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var value = _records[mid].EndedAt.UtcTicks;
            if (value < ticks || (after && value == ticks))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
