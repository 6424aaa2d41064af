namespace BreathPacing;

/// <summary>
/// Thrown when a session length is invalid: a number of cycles, a duration or a number of minutes out of range, or both
/// cycles and minutes given to <see cref="SessionLength.Choose"/>. The field is <c>length.cycles</c>,
/// <c>length.duration</c>, <c>length.minutes</c> or <c>length</c>. Catch <see cref="BreathValidationException"/> to
/// handle it together with <see cref="InvalidBreathPatternException"/>.
/// </summary>
public sealed class InvalidSessionLengthException : BreathValidationException
{
    /// <summary>Creates the exception for <paramref name="field"/> holding <paramref name="value"/>.</summary>
    /// <param name="field">The offending field, e.g. <c>length.minutes</c>.</param>
    /// <param name="value">The offending value as text.</param>
    /// <param name="problem">What is wrong and what is expected.</param>
    public InvalidSessionLengthException(string field, string value, string problem)
        : base(field, value, problem)
    {
    }
}
