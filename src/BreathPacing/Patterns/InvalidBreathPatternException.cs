namespace BreathPacing;

/// <summary>
/// Thrown when a pattern, phase, segment, progression or technique option is invalid. The message names the offending
/// field and its value; nothing invalid is ever constructed. A session length has its own
/// <see cref="InvalidSessionLengthException"/>; catch <see cref="BreathValidationException"/> for both.
/// </summary>
public sealed class InvalidBreathPatternException : BreathValidationException
{
    /// <summary>Creates the exception for <paramref name="field"/> holding <paramref name="value"/>.</summary>
    /// <param name="field">The path of the offending field, e.g. <c>phases[1].duration</c>.</param>
    /// <param name="value">The offending value as text.</param>
    /// <param name="problem">What is wrong and what is expected.</param>
    public InvalidBreathPatternException(string field, string value, string problem)
        : base(field, value, problem)
    {
    }
}
