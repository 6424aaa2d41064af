namespace BreathPacing;

/// <summary>The way the air travels during a phase.</summary>
public enum Airway
{
    /// <summary>Not specified by the pattern; the practitioner chooses.</summary>
    Unspecified = 0,

    /// <summary>Through the nose.</summary>
    Nose = 1,

    /// <summary>Through the mouth.</summary>
    Mouth = 2,

    /// <summary>
    /// Through a gently narrowed throat, making a soft wave-like sound (as in Ocean's Breath, also
    /// known as ujjayi).
    /// </summary>
    ThroatConstricted = 3,
}
