namespace BreathPacing.Safety;

/// <summary>
/// One observation a <see cref="SafetyProfile"/> makes about a pattern. Immutable; equality is by value.
/// </summary>
/// <param name="Severity">How much it matters.</param>
/// <param name="Code">A stable, machine-readable identifier; one of the <see cref="SafetyCodes"/>.</param>
/// <param name="Message">A plain-language message for people, naming the measured value and the threshold.</param>
public sealed record SafetyFinding(SafetySeverity Severity, string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity} {Code}: {Message}";
}
