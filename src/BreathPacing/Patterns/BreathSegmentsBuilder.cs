using System.Collections.Immutable;

namespace BreathPacing;

/// <summary>Collects the ordered body-region segments of one phase while a pattern is composed.</summary>
public sealed class BreathSegmentsBuilder
{
    private readonly string _field;
    private readonly ImmutableArray<BreathSegment>.Builder _segments = ImmutableArray.CreateBuilder<BreathSegment>();

    internal BreathSegmentsBuilder(string field) => _field = field;

    /// <summary>Adds a segment that takes <paramref name="share"/> of the phase.</summary>
    /// <param name="region">
    /// The body region's identifier, unique within the phase, e.g. <see cref="BodyRegions.Chest"/>: one line of visible text,
    /// trimmed and normalised, at most <see cref="PatternLimits.MaximumKeyLength"/> characters.
    /// </param>
    /// <param name="share">The fraction of the phase, in (0, 1]. The shares of a phase must sum to 1.</param>
    /// <param name="cueKey">The key of the guidance text for this segment (the same rule as a phase's cue key), or <see langword="null"/>.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">
    /// The region or cue key is not valid text (see <see cref="BreathPatternBuilder"/>), the region is repeated, or the share is out of range.
    /// </exception>
    public BreathSegmentsBuilder Add(string region, double share, string? cueKey = null)
    {
        var index = _segments.Count;
        var field = $"{_field}.segments[{index}]";
        var id = UserText.Normalise(field + ".region", region, "region id", PatternLimits.MaximumKeyLength);
        if (_segments.Any(s => string.Equals(s.Region, id, StringComparison.Ordinal)))
        {
            throw new InvalidBreathPatternException(field + ".region", UserText.Quote(region), "duplicate segment id: each region appears once per phase.");
        }

        if (double.IsNaN(share) || share <= 0 || share > 1)
        {
            throw new InvalidBreathPatternException(field + ".share", ExactSeconds.Number(share), "expected a fraction of the phase in (0, 1].");
        }

        var key = cueKey is null ? null : UserText.Normalise(field + ".cueKey", cueKey, "cue key", PatternLimits.MaximumKeyLength);
        if (index >= PatternLimits.MaximumSegments)
        {
            throw new InvalidBreathPatternException($"{_field}.segments", PatternLimits.Count(index + 1), $"at most {PatternLimits.MaximumSegments} segments per phase.");
        }

        _segments.Add(new BreathSegment(id, share, key));
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
            throw new InvalidBreathPatternException($"{_field}.segments", "shares summing to " + ExactSeconds.Number(sum), "the segment shares of a phase must sum to 1 (the whole phase).");
        }

        return _segments.ToImmutable();
    }
}
