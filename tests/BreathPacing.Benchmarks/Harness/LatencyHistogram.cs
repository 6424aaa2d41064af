using System.Diagnostics;

namespace BreathPacing.Benchmarks.Harness;

/// <summary>
/// A log-linear histogram of lateness: 1 µs buckets below 1,024 µs, then 64 buckets per power of two
/// (about 1.5 % resolution), so it records millions of values in fixed memory. Early values (negative
/// lateness) are counted apart. Not thread-safe: use one per thread (see <see cref="LatencyRecorder"/>).
/// </summary>
public sealed class LatencyHistogram
{
    private const int Linear = 1024;
    private const int SubBuckets = 64;
    private readonly long[] _counts = new long[Linear + (SubBuckets * 54)];

    public long Count { get; private set; }

    public long Early { get; private set; }

    public long MaxMicros { get; private set; }

    /// <summary>Events seen but not timed (e.g. a PhaseStarted at the same instant as a timed SegmentStarted).</summary>
    public long Other { get; set; }

    public static double TimestampsPerMicrosecond { get; } = Stopwatch.Frequency / 1_000_000.0;

    /// <summary>Records a lateness in Stopwatch timestamp units (negative means early).</summary>
    public void Record(long latenessTimestamps)
    {
        Count++;
        if (latenessTimestamps < 0)
        {
            Early++;
            latenessTimestamps = 0;
        }

        var micros = (long)(latenessTimestamps / TimestampsPerMicrosecond);
        if (micros > MaxMicros)
        {
            MaxMicros = micros;
        }

        _counts[Index(micros)]++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Other += other.Other;
        Early += other.Early;
        MaxMicros = Math.Max(MaxMicros, other.MaxMicros);
    }

    /// <summary>The value at quantile <paramref name="q"/> (0..1), in milliseconds (bucket midpoint).</summary>
    public double QuantileMs(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(q * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= Math.Max(1, rank))
            {
                return Math.Min(Midpoint(i), MaxMicros) / 1000.0;
            }
        }

        return MaxMicros / 1000.0;
    }

    private static int Index(long micros)
    {
        if (micros < Linear)
        {
            return (int)micros;
        }

        var exponent = 63 - (int)long.LeadingZeroCount(micros); // >= 10
        var sub = (int)((micros >> (exponent - 6)) & (SubBuckets - 1));
        return Linear + ((exponent - 10) * SubBuckets) + sub;
    }

    private static double Midpoint(int index)
    {
        if (index < Linear)
        {
            return index + 0.5;
        }

        var exponent = ((index - Linear) / SubBuckets) + 10;
        var sub = (index - Linear) % SubBuckets;
        var low = (long)(SubBuckets + sub) << (exponent - 6);
        var width = 1L << (exponent - 6);
        return low + (width / 2.0);
    }
}

/// <summary>Per-thread histograms merged on demand, so recording from many threads needs no lock.</summary>
public sealed class LatencyRecorder
{
    private readonly ThreadLocal<LatencyHistogram> _local = new(() => new LatencyHistogram(), trackAllValues: true);
    private volatile bool _enabled;

    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    public void Record(long latenessTimestamps)
    {
        if (_enabled)
        {
            _local.Value!.Record(latenessTimestamps);
        }
    }

    public void CountOther()
    {
        if (_enabled)
        {
            _local.Value!.Other++;
        }
    }

    public LatencyHistogram Merge()
    {
        var total = new LatencyHistogram();
        foreach (var h in _local.Values)
        {
            total.Add(h);
        }

        return total;
    }
}
