using System.Globalization;

namespace BreathPacing.Practice;

/// <summary>
/// One practice session as a journal keeps it: when it ended, what was breathed (a technique with the options used, or a
/// custom pattern), how long the breaths were at the start and at the end, how many cycles were planned and done, the
/// active time, whether it ended early, and how it felt. Immutable and thread-safe; equality is by value (the end time
/// must match to the tick and in its offset).
/// </summary>
/// <remarks>
/// Make one with <see cref="From"/> from what a host has when a session ends, or read one back with
/// <see cref="PracticeJournalJson"/>. The library never reads the clock: the host passes the end time from its own.
/// </remarks>
/// <example>
/// <code>
/// var end = (SessionCompleted)await session.Events.LastAsync();
/// var record = PracticeRecord.From(end.Summary, session.Timeline, technique.Id, options, PracticeFeeling.Easy, clock.GetLocalNow());
/// await journal.AppendAsync(record);
/// </code>
/// </example>
public sealed class PracticeRecord : IEquatable<PracticeRecord>
{
    /// <summary>The longest technique id and pattern name a record keeps: 200 characters.</summary>
    internal const int MaximumNameLength = 200;

    internal PracticeRecord(
        DateTimeOffset endedAt,
        string? techniqueId,
        string patternName,
        BreathTechniqueOptions? options,
        double startSeconds,
        double reachedInhaleSeconds,
        double reachedExhaleSeconds,
        int? plannedCycles,
        int completedCycles,
        TimeSpan activeTime,
        bool endedEarly,
        PracticeFeeling? feeling)
    {
        EndedAt = endedAt;
        TechniqueId = techniqueId;
        PatternName = patternName;
        Options = options;
        StartSeconds = startSeconds;
        ReachedInhaleSeconds = reachedInhaleSeconds;
        ReachedExhaleSeconds = reachedExhaleSeconds;
        PlannedCycles = plannedCycles;
        CompletedCycles = completedCycles;
        ActiveTime = activeTime;
        EndedEarly = endedEarly;
        Feeling = feeling;
    }

    /// <summary>When the session ended, from the host's clock, with the offset of the place it was practised.</summary>
    public DateTimeOffset EndedAt { get; }

    /// <summary>The id of the technique breathed (e.g. <see cref="BreathingTechniques.ThreePartBreathId"/>), or <see langword="null"/> for a custom pattern.</summary>
    public string? TechniqueId { get; }

    /// <summary>The name of the pattern breathed, e.g. <c>Three-Part Breath</c> or a custom pattern's name.</summary>
    public string PatternName { get; }

    /// <summary>
    /// The technique's options used, or <see langword="null"/> for a custom pattern (or when the host did not say).
    /// <see cref="ThreePartBreathOptions"/> and <see cref="OceansBreathOptions"/> are kept as they are; an app's own options
    /// type is kept as its shared settings only (<see cref="BreathTechniqueOptions.StartSeconds"/>, progression), so a
    /// record reads back from JSON exactly as it was written. <see cref="PracticePlan"/> maps such settings back onto the
    /// technique's default options.
    /// </summary>
    public BreathTechniqueOptions? Options { get; }

    /// <summary>Seconds of the first inhale of the session: the technique's <see cref="BreathTechniqueOptions.StartSeconds"/>, the level <see cref="PracticePlan"/> works on.</summary>
    public double StartSeconds { get; }

    /// <summary>Seconds spent inhaling in the last cycle breathed: with a progression, the length the breaths reached.</summary>
    public double ReachedInhaleSeconds { get; }

    /// <summary>Seconds spent exhaling in the last cycle breathed (for Ocean's Breath, longer than <see cref="ReachedInhaleSeconds"/>).</summary>
    public double ReachedExhaleSeconds { get; }

    /// <summary>The cycles the session was laid out for, or <see langword="null"/> when it was open-ended.</summary>
    public int? PlannedCycles { get; }

    /// <summary>Whole cycles completed.</summary>
    public int CompletedCycles { get; }

    /// <summary>Active time breathed (pauses excluded).</summary>
    public TimeSpan ActiveTime { get; }

    /// <summary>Whether the session was stopped before its planned end.</summary>
    public bool EndedEarly { get; }

    /// <summary>How the session felt, or <see langword="null"/> when the person was not asked or did not answer.</summary>
    public PracticeFeeling? Feeling { get; }

    /// <summary>Makes a record of a session that has ended.</summary>
    /// <param name="summary">The session's summary (<c>SessionCompleted.Summary</c>).</param>
    /// <param name="timeline">The session's timeline (<see cref="BreathSession.Timeline"/>): it says how long the breaths were.</param>
    /// <param name="techniqueId">The technique's id, or <see langword="null"/> for a custom pattern.</param>
    /// <param name="options">The technique's options the pattern was made with, or <see langword="null"/>.</param>
    /// <param name="felt">How it felt, or <see langword="null"/> when the person was not asked or did not answer.</param>
    /// <param name="endedAt">When the session ended, from the host's clock (the library never reads the clock).</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> or <paramref name="timeline"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// An argument is invalid or they do not belong together (options without a technique id, options whose start does not
    /// match the timeline's first inhale, a timeline of another length than the summary's); the message names the value.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="felt"/> is not a defined feeling.</exception>
    public static PracticeRecord From(
        BreathSessionSummary summary,
        BreathTimeline timeline,
        string? techniqueId,
        BreathTechniqueOptions? options,
        PracticeFeeling? felt,
        DateTimeOffset endedAt)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(timeline);
        if (felt is { } feeling && !PracticeCodes.IsDefined(feeling))
        {
            throw new ArgumentOutOfRangeException(nameof(felt), felt, $"Expected a defined feeling or null; was {((int)feeling).ToString(CultureInfo.InvariantCulture)}.");
        }

        if (techniqueId is not null && (string.IsNullOrWhiteSpace(techniqueId) || techniqueId.Length > MaximumNameLength))
        {
            throw new ArgumentException($"Invalid techniqueId = '{Echo(techniqueId)}': expected null (a custom pattern) or an id of 1 to {MaximumNameLength} characters, not blank.", nameof(techniqueId));
        }

        if (summary.PlannedCycles != timeline.TotalCycles)
        {
            throw new ArgumentException(
                $"The timeline lays out {Count(timeline.TotalCycles)} but the summary's session planned {Count(summary.PlannedCycles)}: pass the session's own timeline (BreathSession.Timeline).",
                nameof(timeline));
        }

        var pattern = timeline.Pattern;
        var firstInhale = timeline.PhaseDuration(0, pattern.ReferencePhaseIndex);
        if (options is not null)
        {
            if (techniqueId is null)
            {
                throw new ArgumentException("Options were given without a techniqueId: pass the technique's id with its options, or no options for a custom pattern.", nameof(options));
            }

            if (!double.IsFinite(options.StartSeconds) || options.StartSeconds <= 0
                || (long)Math.Round(options.StartSeconds * TimeSpan.TicksPerSecond) != firstInhale.Ticks)
            {
                throw new ArgumentException(
                    $"Invalid options.StartSeconds = {Number(options.StartSeconds)}: the timeline's first inhale lasts {Number(firstInhale.TotalSeconds)} s; pass the options the pattern was made with.",
                    nameof(options));
            }
        }

        // The last cycle breathed: the one the session ended in, or the last one completed when it ended on a boundary.
        var lastCycle = summary.PartialCycle > 0 ? summary.EndPosition.CycleIndex : Math.Max(0, summary.CompletedCycles - 1);
        long inhale = 0, exhale = 0;
        for (var p = 0; p < pattern.Phases.Length; p++)
        {
            switch (pattern.Phases[p].Kind)
            {
                case BreathPhaseKind.Inhale:
                    inhale += timeline.PhaseDuration(lastCycle, p).Ticks;
                    break;
                case BreathPhaseKind.Exhale:
                    exhale += timeline.PhaseDuration(lastCycle, p).Ticks;
                    break;
            }
        }

        var record = new PracticeRecord(
            endedAt,
            techniqueId,
            pattern.Name,
            options is null ? null : SharedTechniqueOptions.Normalise(options),
            options?.StartSeconds ?? firstInhale.TotalSeconds,
            TimeSpan.FromTicks(inhale).TotalSeconds,
            TimeSpan.FromTicks(exhale).TotalSeconds,
            summary.PlannedCycles,
            summary.CompletedCycles,
            summary.ActiveTime,
            summary.EndedEarly,
            felt);
        if (record.FindProblem() is { } problem)
        {
            throw new ArgumentException($"Invalid {problem.Field} = {problem.Value}: expected {problem.Expected}.", problem.Field.StartsWith("options", StringComparison.Ordinal) ? nameof(options) : nameof(summary));
        }

        return record;
    }

    /// <summary>The same record with another answer to how it felt, e.g. when the host asks after it has stored the session.</summary>
    /// <param name="felt">How it felt, or <see langword="null"/>.</param>
    /// <returns>The record with <see cref="Feeling"/> set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="felt"/> is not a defined feeling.</exception>
    public PracticeRecord WithFeeling(PracticeFeeling? felt)
    {
        if (felt is { } feeling && !PracticeCodes.IsDefined(feeling))
        {
            throw new ArgumentOutOfRangeException(nameof(felt), felt, $"Expected a defined feeling or null; was {((int)feeling).ToString(CultureInfo.InvariantCulture)}.");
        }

        return new(EndedAt, TechniqueId, PatternName, Options, StartSeconds, ReachedInhaleSeconds, ReachedExhaleSeconds, PlannedCycles, CompletedCycles, ActiveTime, EndedEarly, felt);
    }

    /// <inheritdoc />
    public bool Equals(PracticeRecord? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && EndedAt.EqualsExact(other.EndedAt)
            && string.Equals(TechniqueId, other.TechniqueId, StringComparison.Ordinal)
            && string.Equals(PatternName, other.PatternName, StringComparison.Ordinal)
            && Equals(Options, other.Options)
            && StartSeconds.Equals(other.StartSeconds)
            && ReachedInhaleSeconds.Equals(other.ReachedInhaleSeconds)
            && ReachedExhaleSeconds.Equals(other.ReachedExhaleSeconds)
            && PlannedCycles == other.PlannedCycles
            && CompletedCycles == other.CompletedCycles
            && ActiveTime == other.ActiveTime
            && EndedEarly == other.EndedEarly
            && Feeling == other.Feeling);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PracticeRecord);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EndedAt, TechniqueId, PatternName, StartSeconds, CompletedCycles, ActiveTime, Feeling);

    /// <summary>A short description, e.g. <c>2026-03-02T18:30:00+01:00 three-part-breath 5 s (reached 6 s), 10/10 cycles in 2:10, easy</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PracticeFormat.Instant(EndedAt)} {TechniqueId ?? PatternName} {StartSeconds:0.###} s (reached {ReachedInhaleSeconds:0.###} s), {CompletedCycles}{(PlannedCycles is { } p ? "/" + p.ToString(CultureInfo.InvariantCulture) : "")} cycles in {ActiveTime:h\\:mm\\:ss}{(EndedEarly ? ", ended early" : "")}{(Feeling is { } f ? ", " + PracticeCodes.Of(f) : "")}");

    /// <summary>
    /// The first value the journal format does not accept, named by its JSON field, or <see langword="null"/> when the
    /// record is valid. The same rules apply to records made in code and read from JSON.
    /// </summary>
    internal (string Field, string Value, string Expected)? FindProblem()
    {
        if (TechniqueId is not null && (string.IsNullOrWhiteSpace(TechniqueId) || TechniqueId.Length > MaximumNameLength))
        {
            return ("techniqueId", Quote(TechniqueId), $"null (a custom pattern) or an id of 1 to {MaximumNameLength} characters, not blank");
        }

        if (string.IsNullOrWhiteSpace(PatternName) || PatternName.Length > MaximumNameLength)
        {
            return ("patternName", Quote(PatternName), $"a name of 1 to {MaximumNameLength} characters, not blank");
        }

        if (Options is { } options)
        {
            if (TechniqueId is null)
            {
                return ("options", "an object", "null for a custom pattern (options belong to a technique: give its techniqueId)");
            }

            if (Seconds("options.startSeconds", options.StartSeconds) is { } start)
            {
                return start;
            }

            if (Seconds("options.targetSeconds", options.TargetSeconds) is { } target)
            {
                return target;
            }

            if (Seconds("options.stepSeconds", options.StepSeconds) is { } step)
            {
                return step;
            }

            if (options.CyclesPerStep < 1)
            {
                return ("options.cyclesPerStep", options.CyclesPerStep.ToString(CultureInfo.InvariantCulture), "at least 1 cycle per step");
            }

            if (options is OceansBreathOptions ocean && !(double.IsFinite(ocean.ExhaleRatio) && ocean.ExhaleRatio > 1))
            {
                return ("options.exhaleRatio", Number(ocean.ExhaleRatio), "more than 1 (the exhale is longer than the inhale)");
            }
        }

        if (Seconds("startSeconds", StartSeconds) is { } first)
        {
            return first;
        }

        if (Options is not null && !Options.StartSeconds.Equals(StartSeconds))
        {
            return ("startSeconds", Number(StartSeconds), $"the same as options.startSeconds ({Number(Options.StartSeconds)})");
        }

        if (!double.IsFinite(ReachedInhaleSeconds) || ReachedInhaleSeconds <= 0)
        {
            return ("reachedInhaleSeconds", Number(ReachedInhaleSeconds), "a number of seconds above 0");
        }

        if (!double.IsFinite(ReachedExhaleSeconds) || ReachedExhaleSeconds <= 0)
        {
            return ("reachedExhaleSeconds", Number(ReachedExhaleSeconds), "a number of seconds above 0");
        }

        if (PlannedCycles is < 1)
        {
            return ("plannedCycles", PlannedCycles.Value.ToString(CultureInfo.InvariantCulture), "null (open-ended) or at least 1 cycle");
        }

        if (CompletedCycles < 0)
        {
            return ("completedCycles", CompletedCycles.ToString(CultureInfo.InvariantCulture), "0 or more cycles");
        }

        if (PlannedCycles is { } planned && CompletedCycles > planned)
        {
            return ("completedCycles", CompletedCycles.ToString(CultureInfo.InvariantCulture), $"at most plannedCycles ({planned.ToString(CultureInfo.InvariantCulture)})");
        }

        if (ActiveTime < TimeSpan.Zero)
        {
            return ("activeSeconds", Number(ActiveTime.TotalSeconds), "0 or more seconds");
        }

        if (Feeling is { } feeling && !PracticeCodes.IsDefined(feeling))
        {
            return ("feeling", ((int)feeling).ToString(CultureInfo.InvariantCulture), PracticeCodes.FeelingExpectation + " or null");
        }

        return null;
    }

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static (string, string, string)? Seconds(string field, double value) =>
        double.IsFinite(value) && value > 0 && value <= PatternLimits.MaximumPhaseDuration.TotalSeconds
            ? null
            : (field, Number(value), $"a number of seconds above 0 and at most {Number(PatternLimits.MaximumPhaseDuration.TotalSeconds)}");

    private static string Quote(string? text) => text is null ? "null" : "\"" + Echo(text) + "\"";

    private static string Echo(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Count(int? cycles) => cycles is { } c ? c.ToString(CultureInfo.InvariantCulture) + " cycles" : "an open-ended session";
}
