using System.Globalization;

namespace BreathPacing.Safety;

/// <summary>
/// The measurable shape of a pattern's cycle: breaths per minute, the inhale-to-exhale ratio, the longest
/// hold, the cycle time and the shortest inhale and exhale; for a pattern with a progression, the same at
/// the progression's target. Immutable; equality is by value.
/// </summary>
/// <remarks>
/// A <em>breath</em> is one turn from breathing in to breathing out: consecutive inhales (or exhales) with
/// only holds between them count once. A <em>hold</em> is a run of consecutive hold phases, counted round
/// the cycle (a hold at the end of one cycle runs on into a hold at the start of the next).
/// </remarks>
public sealed record BreathPatternAnalysis
{
    private BreathPatternAnalysis(IReadOnlyList<(BreathPhaseKind Kind, TimeSpan Duration)> phases, int breathsPerCycle, BreathPatternAnalysis? atTarget)
    {
        var cycle = TimeSpan.Zero;
        var inhale = TimeSpan.Zero;
        var exhale = TimeSpan.Zero;
        var shortestInhale = TimeSpan.MaxValue;
        var shortestExhale = TimeSpan.MaxValue;
        foreach (var (kind, duration) in phases)
        {
            cycle += duration;
            if (kind == BreathPhaseKind.Inhale)
            {
                inhale += duration;
                shortestInhale = duration < shortestInhale ? duration : shortestInhale;
            }
            else if (kind == BreathPhaseKind.Exhale)
            {
                exhale += duration;
                shortestExhale = duration < shortestExhale ? duration : shortestExhale;
            }
        }

        CycleDuration = cycle;
        InhaleDuration = inhale;
        ExhaleDuration = exhale;
        ShortestInhale = shortestInhale;
        ShortestExhale = shortestExhale;
        BreathsPerCycle = breathsPerCycle;
        BreathsPerMinute = BreathsPerCycle * 60.0 / cycle.TotalSeconds;
        InhaleToExhaleRatio = inhale.TotalSeconds / exhale.TotalSeconds;
        LongestHold = FindLongestHold(phases);
        AtTarget = atTarget;
    }

    /// <summary>The duration of one cycle (the first cycle, for a pattern with a progression).</summary>
    public TimeSpan CycleDuration { get; }

    /// <summary>How many breaths (turns from breathing in to breathing out) one cycle holds; at least 1.</summary>
    public int BreathsPerCycle { get; }

    /// <summary>The breathing rate: <see cref="BreathsPerCycle"/> per <see cref="CycleDuration"/>, scaled to a minute.</summary>
    public double BreathsPerMinute { get; }

    /// <summary>The total inhale time of one cycle.</summary>
    public TimeSpan InhaleDuration { get; }

    /// <summary>The total exhale time of one cycle.</summary>
    public TimeSpan ExhaleDuration { get; }

    /// <summary>
    /// <see cref="InhaleDuration"/> divided by <see cref="ExhaleDuration"/>: 1 for equal breaths, below 1 when the
    /// exhale is longer (e.g. 0.667 for a 4 s inhale and a 6 s exhale).
    /// </summary>
    public double InhaleToExhaleRatio { get; }

    /// <summary>The longest continuous hold (consecutive hold phases together, round the cycle); zero when there is none.</summary>
    public TimeSpan LongestHold { get; }

    /// <summary>The shortest single inhale phase.</summary>
    public TimeSpan ShortestInhale { get; }

    /// <summary>The shortest single exhale phase.</summary>
    public TimeSpan ShortestExhale { get; }

    /// <summary>The shorter of <see cref="ShortestInhale"/> and <see cref="ShortestExhale"/>.</summary>
    public TimeSpan ShortestBreath => ShortestInhale < ShortestExhale ? ShortestInhale : ShortestExhale;

    /// <summary>
    /// For a pattern with a progression, the same measures once the progression has reached its target (every
    /// phase lengthened in proportion; the ratio stays, the rate falls, holds grow); otherwise <see langword="null"/>.
    /// </summary>
    public BreathPatternAnalysis? AtTarget { get; }

    /// <summary>Analyses <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    public static BreathPatternAnalysis Of(BreathPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var phases = pattern.Phases.Select(p => (p.Kind, p.Duration)).ToArray();
        BreathPatternAnalysis? atTarget = null;
        if (pattern.Progression is not null)
        {
            var last = pattern.ProgressionSteps - 1;
            var scaled = pattern.Phases.Select((p, i) => (p.Kind, pattern.PhaseDurationAt(i, last))).ToArray();
            atTarget = new BreathPatternAnalysis(scaled, pattern.BreathsPerCycle, null);
        }

        return new BreathPatternAnalysis(phases, pattern.BreathsPerCycle, atTarget);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{BreathsPerMinute:0.##} breaths/min, in:out {InhaleToExhaleRatio:0.##}, cycle {CycleDuration.TotalSeconds:0.###} s, shortest breath {ShortestBreath.TotalSeconds:0.###} s, longest hold {LongestHold.TotalSeconds:0.###} s");

    private static TimeSpan FindLongestHold(IReadOnlyList<(BreathPhaseKind Kind, TimeSpan Duration)> phases)
    {
        // Start just after a breathing phase so a run that wraps round the cycle is counted whole.
        var start = 0;
        while (start < phases.Count && phases[start].Kind.IsHold())
        {
            start++;
        }

        var longest = TimeSpan.Zero;
        var run = TimeSpan.Zero;
        for (var step = 1; step <= phases.Count; step++)
        {
            var (kind, duration) = phases[(start + step) % phases.Count];
            run = kind.IsHold() ? run + duration : TimeSpan.Zero;
            longest = run > longest ? run : longest;
        }

        return longest;
    }
}
