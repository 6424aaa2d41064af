using System.Collections.Immutable;
using System.Globalization;

namespace BreathPacing;

/// <summary>Collects the ordered body-region segments of one phase while a pattern is composed.</summary>
public sealed class BreathSegmentsBuilder
{
    private readonly string _field;
    private readonly ImmutableArray<BreathSegment>.Builder _segments = ImmutableArray.CreateBuilder<BreathSegment>();

    internal BreathSegmentsBuilder(string field) => _field = field;

    /// <summary>Adds a segment that takes <paramref name="share"/> of the phase.</summary>
    /// <param name="region">The body region's identifier, unique within the phase, e.g. <see cref="BodyRegions.Chest"/>.</param>
    /// <param name="share">The fraction of the phase, in (0, 1]. The shares of a phase must sum to 1.</param>
    /// <param name="cueKey">The key of the guidance text for this segment, or <see langword="null"/>.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">The region is empty or repeated, or the share is out of range.</exception>
    public BreathSegmentsBuilder Add(string region, double share, string? cueKey = null)
    {
        var index = _segments.Count;
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new InvalidBreathPatternException($"{_field}.segments[{index}].region", $"\"{region}\"", "expected a non-empty region id.");
        }

        if (_segments.Any(s => string.Equals(s.Region, region, StringComparison.Ordinal)))
        {
            throw new InvalidBreathPatternException($"{_field}.segments[{index}].region", $"\"{region}\"", "duplicate segment id: each region appears once per phase.");
        }

        if (double.IsNaN(share) || share <= 0 || share > 1)
        {
            throw new InvalidBreathPatternException($"{_field}.segments[{index}].share", PatternLimits.Format(share), "expected a fraction of the phase in (0, 1].");
        }

        if (index >= PatternLimits.MaximumSegments)
        {
            throw new InvalidBreathPatternException($"{_field}.segments", (index + 1).ToString(CultureInfo.InvariantCulture), $"at most {PatternLimits.MaximumSegments} segments per phase.");
        }

        _segments.Add(new BreathSegment(region, share, cueKey));
        return this;
    }

    /// <summary>Adds one segment per region, each taking an equal share of the phase.</summary>
    /// <param name="regions">The regions in order.</param>
    /// <returns>This builder, for chaining.</returns>
    public BreathSegmentsBuilder AddEqual(params string[] regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        foreach (var region in regions)
        {
            Add(region, 1.0 / regions.Length);
        }

        return this;
    }

    internal ImmutableArray<BreathSegment> Build()
    {
        if (_segments.Count == 0)
        {
            return ImmutableArray<BreathSegment>.Empty;
        }

        var sum = 0.0;
        foreach (var segment in _segments)
        {
            sum += segment.Share;
        }

        if (Math.Abs(sum - 1.0) > PatternLimits.ShareTolerance)
        {
            throw new InvalidBreathPatternException($"{_field}.segments", "shares summing to " + PatternLimits.Format(sum), "the segment shares of a phase must sum to 1 (the whole phase).");
        }

        return _segments.ToImmutable();
    }
}
