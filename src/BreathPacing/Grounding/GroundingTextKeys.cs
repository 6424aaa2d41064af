using System.Globalization;

namespace BreathPacing.Grounding;

/// <summary>
/// The keys of the grounding display texts, for translating or overriding them. Cue texts use the cue keys
/// that patterns carry (see <see cref="CueKeys"/>). <see cref="DictionaryGroundingTextProvider.English"/>
/// lists every built-in key with its English text.
/// </summary>
public static class GroundingTextKeys
{
    /// <summary>The guide's title: <c>guide.title</c>.</summary>
    public const string GuideTitle = "guide.title";

    /// <summary>The guide's purpose: <c>guide.purpose</c>.</summary>
    public const string GuidePurpose = "guide.purpose";

    /// <summary>The guide's audience: <c>guide.audience</c>.</summary>
    public const string GuideAudience = "guide.audience";

    /// <summary>The guide's background: <c>guide.background</c>.</summary>
    public const string GuideBackground = "guide.background";

    /// <summary>A technique's name: <c>technique.{id}.name</c>.</summary>
    /// <param name="techniqueId">The technique id, e.g. <c>oceans-breath</c>.</param>
    /// <returns>The key.</returns>
    public static string TechniqueName(string techniqueId) => Technique(techniqueId, "name");

    /// <summary>A technique's summary: <c>technique.{id}.summary</c>.</summary>
    /// <param name="techniqueId">The technique id.</param>
    /// <returns>The key.</returns>
    public static string TechniqueSummary(string techniqueId) => Technique(techniqueId, "summary");

    /// <summary>A technique's visualisation: <c>technique.{id}.visualisation</c>.</summary>
    /// <param name="techniqueId">The technique id.</param>
    /// <returns>The key.</returns>
    public static string TechniqueVisualisation(string techniqueId) => Technique(techniqueId, "visualisation");

    /// <summary>A technique's timing guidance: <c>technique.{id}.timing</c>.</summary>
    /// <param name="techniqueId">The technique id.</param>
    /// <returns>The key.</returns>
    public static string TechniqueTiming(string techniqueId) => Technique(techniqueId, "timing");

    /// <summary>One of a technique's steps: <c>technique.{id}.step.{number}</c>.</summary>
    /// <param name="techniqueId">The technique id.</param>
    /// <param name="number">The step's one-based number.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is less than 1.</exception>
    public static string TechniqueStep(string techniqueId, int number) => Technique(techniqueId, "step." + Number(number));

    /// <summary>One of a technique's cautions: <c>technique.{id}.caution.{number}</c>.</summary>
    /// <param name="techniqueId">The technique id.</param>
    /// <param name="number">The caution's one-based number.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is less than 1.</exception>
    public static string TechniqueCaution(string techniqueId, int number) => Technique(techniqueId, "caution." + Number(number));

    /// <summary>A self-care routine's name: <c>routine.{id}.name</c>.</summary>
    /// <param name="routineId">The routine id, e.g. <c>stroll</c>.</param>
    /// <returns>The key.</returns>
    public static string RoutineName(string routineId) => Compose("routine", routineId, "name", nameof(routineId));

    /// <summary>A self-care routine's description: <c>routine.{id}.description</c>.</summary>
    /// <param name="routineId">The routine id.</param>
    /// <returns>The key.</returns>
    public static string RoutineDescription(string routineId) => Compose("routine", routineId, "description", nameof(routineId));

    /// <summary>A source's note: <c>source.{id}.note</c>.</summary>
    /// <param name="sourceId">The source id, e.g. <c>price-2005</c>.</param>
    /// <returns>The key.</returns>
    public static string SourceNote(string sourceId) => Compose("source", sourceId, "note", nameof(sourceId));

    /// <summary>
    /// The question a host asks after a practice session, to record how it felt: <c>practice.feeling.question</c>.
    /// </summary>
    public const string PracticeFeelingQuestion = "practice.feeling.question";

    /// <summary>
    /// The word for how a practice session felt: <c>practice.feeling.{code}</c>. The built-in codes are <c>easy</c>,
    /// <c>comfortable</c>, <c>hard</c> and <c>dizzy</c>.
    /// </summary>
    /// <param name="code">The feeling's code, e.g. <c>dizzy</c>.</param>
    /// <returns>The key.</returns>
    public static string PracticeFeeling(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return "practice.feeling." + code;
    }

    /// <summary>
    /// The text of a practice plan's reason: <c>practice.plan.{code}</c>, e.g. <c>practice.plan.easy-in-a-row</c>. The text may hold the placeholders <c>{0}</c>
    /// (the length before, in seconds), <c>{1}</c> (the length suggested), <c>{2}</c> (sessions in a row) and <c>{3}</c>
    /// (sessions needed).
    /// </summary>
    /// <param name="code">The reason's code, e.g. <c>dizzy</c>.</param>
    /// <returns>The key.</returns>
    public static string PracticePlanReason(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return "practice.plan." + code;
    }

    private static string Technique(string techniqueId, string part) => Compose("technique", techniqueId, part, nameof(techniqueId));

    private static string Compose(string area, string id, string part, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameter);
        return $"{area}.{id}.{part}";
    }

    private static string Number(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1, nameof(number));
        return number.ToString(CultureInfo.InvariantCulture);
    }
}
