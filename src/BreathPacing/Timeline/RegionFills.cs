using System.Collections.Immutable;

namespace BreathPacing;

/// <summary>
/// How full each body region is through a cycle: the one rule every host draws with. The regions are those the
/// pattern's segments name, in fill order (the order its first inhale fills them). The lungs' volume is shared
/// among them, each holding an equal part, so the mean fill always equals <see cref="BreathPosition.LungVolume"/>:
/// a segment moves its share of its phase's volume change into (or out of) its own region; a phase without
/// segments fills regions bottom-up and empties them top-down. Within each segment (or unsegmented phase) every
/// region changes linearly in time, from the fill at its start to the fill at its end, so a client that knows
/// those two values per span draws exactly what the library computes. Level-independent (a progression scales
/// every phase alike), immutable and allocation-free to query.
/// </summary>
internal sealed class RegionFills
{
    private readonly int[] _spanBase; // where phase p's spans begin: one per segment, or one for a phase without segments
    private readonly double[] _start; // [span * n + region]
    private readonly double[] _end;

    private RegionFills(ImmutableArray<string> regions, int[] spanBase, double[] start, double[] end)
    {
        Regions = regions;
        _spanBase = spanBase;
        _start = start;
        _end = end;
    }

    public ImmutableArray<string> Regions { get; }

    /// <summary>The table for <paramref name="pattern"/>, or <see langword="null"/> when its phases name no regions.</summary>
    public static RegionFills? For(BreathPattern pattern, double[] volumeAtPhaseStart, double[] volumeAtPhaseEnd)
    {
        var regions = FillOrder(pattern);
        if (regions.IsEmpty)
        {
            return null;
        }

        var n = regions.Length;
        var phases = pattern.Phases;
        var spanBase = new int[phases.Length + 1];
        for (var p = 0; p < phases.Length; p++)
        {
            spanBase[p + 1] = spanBase[p] + Math.Max(1, phases[p].Segments.Length);
        }

        var start = new double[spanBase[^1] * n];
        var end = new double[spanBase[^1] * n];
        var fill = new double[n];
        Pour(fill, volumeAtPhaseStart[0] * n, regions, bottomUp: true);
        for (var p = 0; p < phases.Length; p++)
        {
            var change = (volumeAtPhaseEnd[p] - volumeAtPhaseStart[p]) * n;
            var segments = phases[p].Segments;
            if (segments.IsEmpty)
            {
                var span = spanBase[p] * n;
                fill.CopyTo(start, span);
                Pour(fill, change, regions, bottomUp: change >= 0);
                fill.CopyTo(end, span);
                continue;
            }

            for (var k = 0; k < segments.Length; k++)
            {
                var span = (spanBase[p] + k) * n;
                fill.CopyTo(start, span);
                var r = regions.IndexOf(segments[k].Region, StringComparer.Ordinal);
                fill[r] = Math.Clamp(fill[r] + (change * segments[k].Share), 0, 1);
                fill.CopyTo(end, span);
            }
        }

        return new RegionFills(regions, spanBase, start, end);
    }

    /// <summary>The fill of region <paramref name="region"/> at <paramref name="progress"/> through the span of (phase, segment).</summary>
    public double At(int region, int phase, int segment, double progress)
    {
        var i = ((_spanBase[phase] + Math.Max(0, segment)) * Regions.Length) + region;
        return _start[i] + ((_end[i] - _start[i]) * progress);
    }

    private static ImmutableArray<string> FillOrder(BreathPattern pattern)
    {
        var order = ImmutableArray.CreateBuilder<string>();
        void Add(IEnumerable<BreathSegment> segments)
        {
            foreach (var segment in segments)
            {
                if (!order.Contains(segment.Region, StringComparer.Ordinal))
                {
                    order.Add(segment.Region);
                }
            }
        }

        foreach (var phase in pattern.Phases.Where(p => p.Kind == BreathPhaseKind.Inhale))
        {
            Add(phase.Segments);
        }

        foreach (var phase in pattern.Phases.Where(p => p.Kind == BreathPhaseKind.Exhale))
        {
            Add(phase.Segments.Reverse());
        }

        foreach (var phase in pattern.Phases)
        {
            Add(phase.Segments);
        }

        return order.ToImmutable();
    }

    /// <summary>Adds <paramref name="amount"/> (in region units) to the fills, bottom-up, or removes it top-down.</summary>
    private static void Pour(double[] fill, double amount, ImmutableArray<string> regions, bool bottomUp)
    {
        var left = Math.Abs(amount);
        for (var step = 0; step < regions.Length && left > 0; step++)
        {
            var r = bottomUp ? step : regions.Length - 1 - step;
            var room = amount >= 0 ? 1 - fill[r] : fill[r];
            var moved = Math.Min(room, left);
            fill[r] += amount >= 0 ? moved : -moved;
            left -= moved;
        }
    }
}
