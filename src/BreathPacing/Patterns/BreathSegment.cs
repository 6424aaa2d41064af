namespace BreathPacing;

/// <summary>
/// One ordered part of a phase spent on a body region, e.g. the lower belly during the first third of
/// an inhale. Immutable and thread-safe.
/// </summary>
public sealed record BreathSegment
{
    internal BreathSegment(string region, double share, string? cueKey)
    {
        Region = region;
        Share = share;
        CueKey = cueKey;
    }

    /// <summary>The body region's identifier, e.g. <see cref="BodyRegions.LowerBelly"/>. Unique within its phase.</summary>
    public string Region { get; }

    /// <summary>The fraction of the phase this segment takes, in (0, 1]. The shares of a phase sum to 1.</summary>
    public double Share { get; }

    /// <summary>The key of the guidance text shown while this segment runs, or <see langword="null"/>.</summary>
    public string? CueKey { get; }
}
