namespace BreathPacing.Safety;

/// <summary>How much a <see cref="SafetyFinding"/> matters.</summary>
public enum SafetySeverity
{
    /// <summary>A note worth showing; never a reason to refuse a pattern.</summary>
    Info = 0,

    /// <summary>The pattern goes past a threshold of the profile; strict mode refuses it.</summary>
    Warning = 1,
}
