namespace BreathPacing;

/// <summary>What the breath does during a phase.</summary>
public enum BreathPhaseKind
{
    /// <summary>Breathing in: the lungs fill.</summary>
    Inhale = 0,

    /// <summary>Holding the breath with the lungs full, after an inhale.</summary>
    HoldAfterInhale = 1,

    /// <summary>Breathing out: the lungs empty.</summary>
    Exhale = 2,

    /// <summary>Holding the breath with the lungs empty, after an exhale.</summary>
    HoldAfterExhale = 3,
}
