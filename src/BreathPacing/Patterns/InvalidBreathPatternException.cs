namespace BreathPacing;

/// <summary>
/// Thrown when a pattern, phase, segment, progression or session length is invalid. The message names
/// the offending field and its value; nothing invalid is ever constructed.
/// </summary>
public sealed class InvalidBreathPatternException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="field"/> holding <paramref name="value"/>.</summary>
    /// <param name="field">The path of the offending field, e.g. <c>phases[1].duration</c>.</param>
    /// <param name="value">The offending value as text.</param>
    /// <param name="problem">What is wrong and what is expected.</param>
    public InvalidBreathPatternException(string field, string value, string problem)
        : base($"Invalid {field} = {value}: {problem}", field)
    {
        Field = field;
        Value = value;
        Problem = problem;
    }

    /// <summary>The path of the offending field, e.g. <c>phases[1].duration</c>.</summary>
    public string Field { get; }

    /// <summary>The offending value, as text.</summary>
    public string Value { get; }

    /// <summary>What is wrong and what is expected.</summary>
    public string Problem { get; }

    /// <summary>Gets the full message (without the parameter suffix that <see cref="ArgumentException"/> adds).</summary>
    public override string Message => $"Invalid {Field} = {Value}: {Problem}";
}
