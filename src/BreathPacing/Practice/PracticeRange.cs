namespace BreathPacing.Practice;

/// <summary>
/// The lengths <see cref="PracticePlan"/> keeps a technique within: where practice starts (and returns to after a dizzy
/// session) and the goal it works toward and never goes beyond, in seconds of <see cref="BreathTechniqueOptions.StartSeconds"/>.
/// Immutable.
/// </summary>
public sealed record PracticeRange
{
    private PracticeRange(double startSeconds, double goalSeconds)
    {
        StartSeconds = startSeconds;
        GoalSeconds = goalSeconds;
    }

    /// <summary>Where practice starts, and where it goes back to after a dizzy session.</summary>
    public double StartSeconds { get; }

    /// <summary>The goal: the plan lengthens the breaths up to it, never beyond.</summary>
    public double GoalSeconds { get; }

    /// <summary>Makes a range.</summary>
    /// <param name="startSeconds">Where practice starts; above 0.</param>
    /// <param name="goalSeconds">The goal; at least <paramref name="startSeconds"/>. Within the technique's own range, checked when the plan uses it.</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, not above 0, or the goal is below the start; the message names it.</exception>
    public static PracticeRange Of(double startSeconds, double goalSeconds)
    {
        if (!double.IsFinite(startSeconds) || startSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startSeconds), startSeconds, $"Invalid startSeconds = {PracticeFormat.Number(startSeconds)}: expected a number of seconds above 0.");
        }

        if (!double.IsFinite(goalSeconds) || goalSeconds < startSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(goalSeconds), goalSeconds, $"Invalid goalSeconds = {PracticeFormat.Number(goalSeconds)}: expected at least startSeconds ({PracticeFormat.Number(startSeconds)}).");
        }

        return new(startSeconds, goalSeconds);
    }

    /// <summary>The range as text, e.g. <c>4–10 s</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{PracticeFormat.Number(StartSeconds)}–{PracticeFormat.Number(GoalSeconds)} s";
}
