using System.Collections.Immutable;
using System.Globalization;

namespace BreathPacing.Practice;

/// <summary>
/// The thresholds of <see cref="PracticePlan"/>: how many easy sessions in a row lengthen the breaths, how many hard ones
/// shorten them, by how much, and each technique's range. Immutable; adjust with <c>with</c>. Checked when a
/// <see cref="PracticePlan"/> is made; see docs/adr/0010 for the rule.
/// </summary>
public sealed record PracticePlanOptions
{
    /// <summary>The most sessions in a row a threshold may ask for: 20.</summary>
    internal const int MaximumSessionsInARow = 20;

    /// <summary>The largest step: 5 s, as for a progression within a session.</summary>
    internal const double MaximumStepSeconds = 5;

    /// <summary>The defaults.</summary>
    public static PracticePlanOptions Default { get; } = new();

    /// <summary>
    /// How many sessions in a row at the same length must feel easy before the plan lengthens the breaths by a step.
    /// <value>The default is 2. From 1 to 20.</value>
    /// </summary>
    public int EasySessionsToLengthen { get; init; } = 2;

    /// <summary>
    /// How many sessions in a row at the same length must feel hard before the plan steps back.
    /// <value>The default is 1: one hard session is enough. From 1 to 20.</value>
    /// </summary>
    public int HardSessionsToShorten { get; init; } = 1;

    /// <summary>
    /// How many seconds a step lengthens or shortens <see cref="BreathTechniqueOptions.StartSeconds"/>.
    /// <value>The default is 1. Above 0 and at most 5.</value>
    /// </summary>
    public double StepSeconds { get; init; } = 1;

    /// <summary>
    /// Each technique's range by id (ordinal). A technique without one starts at its <see cref="BreathTechnique.DefaultOptions"/>'
    /// <see cref="BreathTechniqueOptions.StartSeconds"/> and may go up to its <see cref="BreathTechnique.MaximumSeconds"/>.
    /// <value>
    /// The default holds the article's guidance for Three-Part Breath: start at 4 s and work toward 10 s, never beyond.
    /// The article gives Ocean's Breath no count, so it has no entry. Each range must lie within its technique's
    /// <see cref="BreathTechnique.MinimumSeconds"/> and <see cref="BreathTechnique.MaximumSeconds"/>.
    /// </value>
    /// </summary>
    public ImmutableDictionary<string, PracticeRange> Ranges { get; init; } =
        ImmutableDictionary.Create<string, PracticeRange>(StringComparer.Ordinal)
            .Add(BreathingTechniques.ThreePartBreathId, PracticeRange.Of(4, 10));

    /// <summary>Throws when a value is out of range, naming it.</summary>
    internal void Validate()
    {
        Sessions(nameof(EasySessionsToLengthen), EasySessionsToLengthen);
        Sessions(nameof(HardSessionsToShorten), HardSessionsToShorten);
        if (!double.IsFinite(StepSeconds) || StepSeconds <= 0 || StepSeconds > MaximumStepSeconds)
        {
            throw new ArgumentException($"Invalid PracticePlanOptions.StepSeconds = {PracticeFormat.Number(StepSeconds)}: expected above 0 and at most {PracticeFormat.Number(MaximumStepSeconds)} seconds.", "options");
        }

        if (Ranges is null)
        {
            throw new ArgumentException("Invalid PracticePlanOptions.Ranges = null: expected a dictionary (empty for none).", "options");
        }

        foreach (var (id, range) in Ranges)
        {
            if (string.IsNullOrWhiteSpace(id) || range is null)
            {
                throw new ArgumentException($"Invalid PracticePlanOptions.Ranges['{id}'] = {range?.ToString() ?? "null"}: expected a technique id with a range.", "options");
            }
        }
    }

    private static void Sessions(string name, int value)
    {
        if (value is < 1 or > MaximumSessionsInARow)
        {
            throw new ArgumentException($"Invalid PracticePlanOptions.{name} = {value.ToString(CultureInfo.InvariantCulture)}: expected from 1 to {MaximumSessionsInARow} sessions.", "options");
        }
    }
}
