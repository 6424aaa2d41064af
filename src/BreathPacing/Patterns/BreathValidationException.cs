namespace BreathPacing;

/// <summary>
/// The base of the library's validation errors: a pattern (<see cref="InvalidBreathPatternException"/>) or a session
/// length (<see cref="InvalidSessionLengthException"/>) was refused. Catch this type to handle both. The message names
/// the offending field and shows its value as given (long values are shortened, invisible characters spelled out);
/// nothing invalid is ever constructed.
/// </summary>
public abstract class BreathValidationException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="field"/> holding <paramref name="value"/>.</summary>
    /// <param name="field">The path of the offending field, e.g. <c>phases[1].duration</c> or <c>length.minutes</c>.</param>
    /// <param name="value">The offending value as text, as given.</param>
    /// <param name="problem">What is wrong and what is expected.</param>
    protected BreathValidationException(string field, string value, string problem)
        : base($"Invalid {field} = {value}: {problem}", field)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(problem);
        Field = field;
        Value = value;
        Problem = problem;
    }

    /// <summary>The path of the offending field, e.g. <c>phases[1].duration</c> or <c>length.minutes</c>.</summary>
    public string Field { get; }

    /// <summary>
    /// The offending value as text, as given: a number with every digit that matters (e.g. <c>0.0099999 s</c>), text in
    /// quotes with control and invisible characters spelled out as <c>\uXXXX</c>, and anything longer than 40 characters
    /// shortened (e.g. <c>"xxx…" (7000 characters)</c>).
    /// </summary>
    public string Value { get; }

    /// <summary>What is wrong and what is expected.</summary>
    public string Problem { get; }

    /// <summary>Gets the full message, <c>Invalid {Field} = {Value}: {Problem}</c> (without the parameter suffix that <see cref="ArgumentException"/> adds).</summary>
    public override string Message => $"Invalid {Field} = {Value}: {Problem}";
}
