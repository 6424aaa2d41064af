namespace BreathPacing.Safety;

/// <summary>
/// One observation a <see cref="SafetyProfile"/> makes about a pattern. Immutable; equality is by value. Only a profile
/// makes findings, so new properties can be added later without breaking callers.
/// </summary>
public sealed record SafetyFinding
{
    internal SafetyFinding(SafetySeverity severity, string code, string message)
    {
        Severity = severity;
        Code = code;
        Message = message;
    }

    /// <summary>How much it matters.</summary>
    public SafetySeverity Severity { get; }

    /// <summary>A stable, machine-readable identifier; one of the <see cref="SafetyCodes"/>.</summary>
    public string Code { get; }

    /// <summary>A plain-language message for people, naming the measured value and the threshold.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Severity} {Code}: {Message}";
}
