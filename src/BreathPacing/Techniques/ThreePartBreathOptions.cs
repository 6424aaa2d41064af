namespace BreathPacing;

/// <summary>
/// Options for <see cref="BreathingTechniques.ThreePartBreath"/>: the shared settings of <see cref="BreathTechniqueOptions"/>,
/// where <see cref="BreathTechniqueOptions.StartSeconds"/> sets both the inhale and the exhale. Immutable.
/// </summary>
public sealed record ThreePartBreathOptions : BreathTechniqueOptions;
