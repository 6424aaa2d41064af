using System.Collections.Immutable;

namespace BreathPacing.Safety;

/// <summary>
/// Thrown in strict mode when a valid pattern goes past a <see cref="SafetyProfile"/>'s thresholds. Lists the
/// warnings; the pattern itself is valid and may still be run without strict mode.
/// </summary>
public sealed class UnsafeBreathPatternException : ArgumentException
{
    /// <summary>Creates the exception for the pattern named <paramref name="patternName"/>.</summary>
    /// <param name="patternName">The refused pattern's name.</param>
    /// <param name="warnings">The warnings that caused the refusal; at least one.</param>
    public UnsafeBreathPatternException(string patternName, ImmutableArray<SafetyFinding> warnings)
        : base(null, "pattern")
    {
        ArgumentNullException.ThrowIfNull(patternName);
        if (warnings.IsDefaultOrEmpty)
        {
            throw new ArgumentException("At least one warning is required.", nameof(warnings));
        }

        PatternName = patternName;
        Warnings = warnings;
    }

    /// <summary>The refused pattern's name.</summary>
    public string PatternName { get; }

    /// <summary>The warnings that caused the refusal, in the order the profile reported them.</summary>
    public ImmutableArray<SafetyFinding> Warnings { get; }

    /// <summary>Gets the message: the pattern's name and every warning.</summary>
    public override string Message =>
        $"The pattern \"{PatternName}\" goes past the safety profile (strict mode is on): " +
        string.Join(" ", Warnings.Select(w => $"[{w.Code}] {w.Message}"));
}
