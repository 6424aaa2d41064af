namespace BreathPacing;

/// <summary>
/// The cue keys the built-in techniques attach to their phases and segments. Every one resolves to
/// guidance text in the grounding content catalog.
/// </summary>
public static class CueKeys
{
    /// <summary>Three-Part Breath: the inhale as a whole.</summary>
    public const string ThreePartInhale = "three-part.inhale";

    /// <summary>Three-Part Breath: breathing into the lower belly.</summary>
    public const string ThreePartInhaleLowerBelly = "three-part.inhale.lower-belly";

    /// <summary>Three-Part Breath: breathing into the upper belly.</summary>
    public const string ThreePartInhaleUpperBelly = "three-part.inhale.upper-belly";

    /// <summary>Three-Part Breath: breathing into the chest.</summary>
    public const string ThreePartInhaleChest = "three-part.inhale.chest";

    /// <summary>Three-Part Breath: the exhale as a whole.</summary>
    public const string ThreePartExhale = "three-part.exhale";

    /// <summary>Three-Part Breath: emptying the chest.</summary>
    public const string ThreePartExhaleChest = "three-part.exhale.chest";

    /// <summary>Three-Part Breath: emptying the upper belly.</summary>
    public const string ThreePartExhaleUpperBelly = "three-part.exhale.upper-belly";

    /// <summary>Three-Part Breath: emptying the lower belly, core drawn in.</summary>
    public const string ThreePartExhaleLowerBelly = "three-part.exhale.lower-belly";

    /// <summary>Ocean's Breath: the nasal inhale.</summary>
    public const string OceanInhale = "ocean.inhale";

    /// <summary>Ocean's Breath: the long, throat-narrowed exhale.</summary>
    public const string OceanExhale = "ocean.exhale";
}
