namespace BreathPacing;

/// <summary>Well-known body-region identifiers used as segment regions by the built-in techniques.</summary>
/// <remarks>Any non-empty identifier may be used in a custom pattern; these are conventions, not a closed set.</remarks>
public static class BodyRegions
{
    /// <summary>The lower belly, below the navel.</summary>
    public const string LowerBelly = "lower-belly";

    /// <summary>The upper belly, between the navel and the rib cage.</summary>
    public const string UpperBelly = "upper-belly";

    /// <summary>The chest.</summary>
    public const string Chest = "chest";
}
