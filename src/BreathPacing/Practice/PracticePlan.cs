namespace BreathPacing.Practice;

/// <summary>
/// Practice over days: from how the latest sessions of a technique felt, the settings for the next one. It follows the
/// article's timing advice: begin at the starting length so as not to get dizzy, lengthen the breaths as the practice gets
/// easier, up to a goal (10 s for Three-Part Breath). Pure and deterministic: the same records give the same suggestion.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>The rule (docs/adr/0010), on the records of the technique in end-time order:</para>
/// <list type="number">
/// <item>No record: the range's start (<see cref="PracticePlanReasonKind.FirstSession"/>).</item>
/// <item>Otherwise the level is the latest record's <see cref="PracticeRecord.StartSeconds"/>, brought within the range. Walking
/// back from the latest record through the records at that level, records without a feeling are passed over; the first
/// feeling found decides, and the records with that same feeling before it, up to another feeling or another level, count in a row.</item>
/// <item>Dizzy: back to the start. Hard: one step back after <see cref="PracticePlanOptions.HardSessionsToShorten"/> in a
/// row, never below the start. Comfortable: stay. Easy: one step longer after <see cref="PracticePlanOptions.EasySessionsToLengthen"/>
/// in a row, never beyond the goal. No feeling at this level: stay.</item>
/// </list>
/// <para>Lengths are worked out in 100 ns ticks, so steps add up exactly.</para>
/// </remarks>
public sealed class PracticePlan
{
    /// <summary>Creates a plan.</summary>
    /// <param name="options">The thresholds; <see langword="null"/> for <see cref="PracticePlanOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it and its value.</exception>
    public PracticePlan(PracticePlanOptions? options = null)
    {
        options ??= PracticePlanOptions.Default;
        options.Validate();
        Options = options;
    }

    /// <summary>A plan with <see cref="PracticePlanOptions.Default"/>.</summary>
    public static PracticePlan Default { get; } = new();

    /// <summary>The thresholds.</summary>
    public PracticePlanOptions Options { get; }

    /// <summary>The range the plan keeps <paramref name="technique"/> within.</summary>
    /// <param name="technique">The technique.</param>
    /// <returns>Its entry in <see cref="PracticePlanOptions.Ranges"/>, or its default start up to its <see cref="BreathTechnique.MaximumSeconds"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="technique"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The range lies outside the technique's own range; the message names it.</exception>
    public PracticeRange RangeOf(BreathTechnique technique)
    {
        ArgumentNullException.ThrowIfNull(technique);
        if (!Options.Ranges.TryGetValue(technique.Id, out var range))
        {
            return PracticeRange.Of(technique.DefaultOptions.StartSeconds, technique.MaximumSeconds);
        }

        if (range.StartSeconds < technique.MinimumSeconds || range.GoalSeconds > technique.MaximumSeconds)
        {
            throw new ArgumentException(
                $"Invalid PracticePlanOptions.Ranges['{technique.Id}'] = {range}: expected within the technique's own range, {PracticeFormat.Number(technique.MinimumSeconds)}–{PracticeFormat.Number(technique.MaximumSeconds)} s.",
                nameof(technique));
        }

        return range;
    }

    /// <summary>The settings for the next session of <paramref name="technique"/>.</summary>
    /// <param name="technique">The technique, e.g. <see cref="BreathingTechniques.ThreePart"/> or an app's own.</param>
    /// <param name="records">
    /// The journal's records; those of other techniques and custom patterns are passed over, so the whole journal may be given.
    /// Records that ended at the same instant count in the order given.
    /// </param>
    /// <returns>The suggestion: valid options for the technique and the reason.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record is <see langword="null"/>, or the technique's range lies outside its own range.</exception>
    public PracticeSuggestion Next(BreathTechnique technique, IEnumerable<PracticeRecord> records)
    {
        ArgumentNullException.ThrowIfNull(technique);
        ArgumentNullException.ThrowIfNull(records);
        var range = RangeOf(technique);
        var start = Ticks(range.StartSeconds);
        var goal = Ticks(range.GoalSeconds);
        var step = Ticks(Options.StepSeconds);

        var mine = new List<PracticeRecord>();
        var index = 0;
        foreach (var record in records)
        {
            if (record is null)
            {
                throw new ArgumentException($"Invalid records[{index}] = null: expected a record.", nameof(records));
            }

            if (string.Equals(record.TechniqueId, technique.Id, StringComparison.Ordinal))
            {
                mine.Add(record);
            }

            index++;
        }

        // A stable sort: records that ended at the same instant keep the order given.
        mine = [.. mine.OrderBy(r => r.EndedAt.UtcTicks)];

        var reason = Decide(mine, start, goal, step);
        return new PracticeSuggestion(technique, NextOptions(technique, mine, reason.ToSeconds, range.GoalSeconds), range, reason);
    }

    private PracticePlanReason Decide(List<PracticeRecord> mine, long start, long goal, long step)
    {
        if (mine.Count == 0)
        {
            return new(PracticePlanReasonKind.FirstSession, null, Seconds(start), null, 0, 0);
        }

        var level = Level(mine[^1], start, goal);
        PracticeFeeling? decider = null;
        var inARow = 0;
        for (var i = mine.Count - 1; i >= 0 && Level(mine[i], start, goal) == level; i--)
        {
            if (mine[i].Feeling is not { } feeling)
            {
                continue;
            }

            if (decider is null)
            {
                decider = feeling;
            }
            else if (feeling != decider)
            {
                break;
            }

            inARow++;
        }

        var from = Seconds(level);
        var easyNeeded = Options.EasySessionsToLengthen;
        var hardNeeded = Options.HardSessionsToShorten;
        return decider switch
        {
            null => new(PracticePlanReasonKind.NotRated, from, from, null, 0, 0),
            PracticeFeeling.Dizzy => new(PracticePlanReasonKind.Dizzy, from, Seconds(start), decider, inARow, 1),
            PracticeFeeling.Hard when level <= start => new(PracticePlanReasonKind.HardAtStart, from, from, decider, inARow, hardNeeded),
            PracticeFeeling.Hard when inARow >= hardNeeded => new(PracticePlanReasonKind.HardInARow, from, Seconds(Math.Max(level - step, start)), decider, inARow, hardNeeded),
            PracticeFeeling.Hard => new(PracticePlanReasonKind.Hard, from, from, decider, inARow, hardNeeded),
            PracticeFeeling.Easy when level >= goal => new(PracticePlanReasonKind.GoalReached, from, from, decider, inARow, easyNeeded),
            PracticeFeeling.Easy when inARow >= easyNeeded => new(PracticePlanReasonKind.EasyInARow, from, Seconds(Math.Min(level + step, goal)), decider, inARow, easyNeeded),
            PracticeFeeling.Easy => new(PracticePlanReasonKind.Easy, from, from, decider, inARow, easyNeeded),
            _ => new(PracticePlanReasonKind.Comfortable, from, from, decider, inARow, 0),
        };
    }

    /// <summary>
    /// The latest options the person used for the technique (mapped onto its own options type), or its defaults, with the
    /// next length; a progression within the session keeps its target within the goal, or is dropped when none is left.
    /// </summary>
    private static BreathTechniqueOptions NextOptions(BreathTechnique technique, List<PracticeRecord> mine, double seconds, double goalSeconds)
    {
        BreathTechniqueOptions? latest = null;
        for (var i = mine.Count - 1; i >= 0 && latest is null; i--)
        {
            latest = mine[i].Options;
        }

        var fromLatest = latest is null ? null : Fit(SharedTechniqueOptions.OnTo(technique, latest), seconds, goalSeconds);
        if (fromLatest is not null && MakesPattern(technique, fromLatest))
        {
            return fromLatest;
        }

        var fromDefaults = Fit(technique.DefaultOptions, seconds, goalSeconds);
        return MakesPattern(technique, fromDefaults)
            ? fromDefaults
            : throw new InvalidOperationException(
                $"Technique '{technique.Id}' cannot make a pattern with its default options at startSeconds = {PracticeFormat.Number(seconds)}, within its own range; check the technique's definition.");
    }

    private static BreathTechniqueOptions Fit(BreathTechniqueOptions options, double seconds, double goalSeconds)
    {
        var next = options with { StartSeconds = seconds };
        if (!next.Progress)
        {
            return next;
        }

        var target = Math.Min(next.TargetSeconds, goalSeconds);
        return target > seconds ? next with { TargetSeconds = target } : next with { Progress = false };
    }

    private static bool MakesPattern(BreathTechnique technique, BreathTechniqueOptions options)
    {
        try
        {
            technique.CreatePattern(options);
            return true;
        }
        catch (InvalidBreathPatternException)
        {
            return false;
        }
    }

    private static long Level(PracticeRecord record, long start, long goal) => Math.Clamp(Ticks(record.StartSeconds), start, goal);

    private static long Ticks(double seconds) => (long)Math.Round(seconds * TimeSpan.TicksPerSecond);

    private static double Seconds(long ticks) => (double)ticks / TimeSpan.TicksPerSecond;
}
