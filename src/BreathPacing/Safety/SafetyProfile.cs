using System.Collections.Immutable;
using System.Globalization;

namespace BreathPacing.Safety;

/// <summary>
/// Thresholds a pattern is checked against before it is practised, producing plain-language findings a
/// host can show. Immutable: derive a variant with <c>with</c> (<c>SafetyProfile.Gentle with { MaximumHold = … }</c>);
/// every threshold is validated when set. Thread-safe.
/// </summary>
/// <remarks>
/// The thresholds are cautious defaults, not medical advice. They follow the article's caution that
/// breaths which are too short can cause dizziness (its Three-Part Breath starts at 4–5 s per inhale and
/// exhale) and common breath-work practice: a gentle rate, no very short breaths, no long holds.
/// The engine itself never refuses a valid pattern; to refuse patterns with warnings, wrap the pacer in a
/// <see cref="SafeBreathPacer"/> or call <see cref="EnsureAcceptable"/>.
/// </remarks>
public sealed record SafetyProfile
{
    private readonly double _maximumBreathsPerMinute = 20;
    private readonly TimeSpan _minimumBreathDuration = TimeSpan.FromSeconds(2);
    private readonly TimeSpan _maximumHold = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The gentle default: warn above 20 breaths per minute, below 2 s per inhale or exhale, and on holds over
    /// 10 s; note an exhale shorter than the inhale. The same as <c>new SafetyProfile()</c>.
    /// </summary>
    public static SafetyProfile Gentle { get; } = new();

    /// <summary>
    /// Warn when the pattern paces more breaths per minute than this.
    /// <value>The default is 20. Positive and finite.</value>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double MaximumBreathsPerMinute
    {
        get => _maximumBreathsPerMinute;
        init
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(MaximumBreathsPerMinute), value, $"{nameof(MaximumBreathsPerMinute)} must be positive and finite; was {Number(value)}.");
            }

            _maximumBreathsPerMinute = value;
        }
    }

    /// <summary>
    /// Warn when an inhale or an exhale is shorter than this.
    /// <value>The default is 2 seconds. From zero (never warn) to 10 minutes.</value>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above 10 minutes.</exception>
    public TimeSpan MinimumBreathDuration
    {
        get => _minimumBreathDuration;
        init
        {
            if (value < TimeSpan.Zero || value > PatternLimits.MaximumPhaseDuration)
            {
                throw new ArgumentOutOfRangeException(nameof(MinimumBreathDuration), value, $"{nameof(MinimumBreathDuration)} must be from 0 to 10 minutes; was {Seconds(value)}.");
            }

            _minimumBreathDuration = value;
        }
    }

    /// <summary>
    /// Warn when a hold (consecutive hold phases together) is longer than this, at the start or at a progression's target.
    /// <value>The default is 10 seconds. Positive.</value>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan MaximumHold
    {
        get => _maximumHold;
        init
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(MaximumHold), value, $"{nameof(MaximumHold)} must be positive; was {Seconds(value)}.");
            }

            _maximumHold = value;
        }
    }

    /// <summary>
    /// Whether to add an <see cref="SafetySeverity.Info"/> finding when a cycle spends less time breathing out than in.
    /// <value>The default is <see langword="true"/>.</value>
    /// </summary>
    public bool NoteExhaleShorterThanInhale { get; init; } = true;

    /// <summary>Checks <paramref name="pattern"/> against the thresholds.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The findings, warnings first; empty when there is nothing to say.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    public ImmutableArray<SafetyFinding> Evaluate(BreathPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var analysis = BreathPatternAnalysis.Of(pattern);
        var findings = ImmutableArray.CreateBuilder<SafetyFinding>();

        // A progression only lengthens breaths: the rate is highest and the breaths shortest at the start,
        // while holds are longest at the target.
        if (analysis.BreathsPerMinute > MaximumBreathsPerMinute)
        {
            findings.Add(new SafetyFinding(SafetySeverity.Warning, SafetyCodes.BreathRateHigh,
                $"This pattern paces {Number(analysis.BreathsPerMinute)} breaths per minute, above the limit of {Number(MaximumBreathsPerMinute)}. " +
                "Breathing this quickly can leave you dizzy; lengthen the breaths."));
        }

        if (analysis.ShortestInhale < MinimumBreathDuration)
        {
            findings.Add(new SafetyFinding(SafetySeverity.Warning, SafetyCodes.InhaleShort,
                $"An inhale lasts {Seconds(analysis.ShortestInhale)}, shorter than the minimum of {Seconds(MinimumBreathDuration)}. " +
                "Breaths this short can leave you dizzy; Three-Part Breath, for example, starts at 4–5 s per inhale."));
        }

        if (analysis.ShortestExhale < MinimumBreathDuration)
        {
            findings.Add(new SafetyFinding(SafetySeverity.Warning, SafetyCodes.ExhaleShort,
                $"An exhale lasts {Seconds(analysis.ShortestExhale)}, shorter than the minimum of {Seconds(MinimumBreathDuration)}. " +
                "Breaths this short can leave you dizzy; Three-Part Breath, for example, starts at 4–5 s per exhale."));
        }

        var longest = analysis.AtTarget ?? analysis;
        if (longest.LongestHold > MaximumHold)
        {
            var where = analysis.AtTarget is null || analysis.LongestHold > MaximumHold
                ? $"A hold lasts {Seconds(analysis.LongestHold)}"
                : $"A hold grows to {Seconds(longest.LongestHold)} as the progression reaches its target";
            if (analysis.AtTarget is not null && analysis.LongestHold > MaximumHold)
            {
                where += $" (and grows to {Seconds(longest.LongestHold)} at the progression's target)";
            }

            findings.Add(new SafetyFinding(SafetySeverity.Warning, SafetyCodes.HoldLong,
                $"{where}, longer than the limit of {Seconds(MaximumHold)}. Hold only as long as is comfortable; shorten the hold if it strains."));
        }

        if (NoteExhaleShorterThanInhale && analysis.ExhaleDuration < analysis.InhaleDuration)
        {
            findings.Add(new SafetyFinding(SafetySeverity.Info, SafetyCodes.ExhaleShorterThanInhale,
                $"Each cycle breathes out for {Seconds(analysis.ExhaleDuration)} and in for {Seconds(analysis.InhaleDuration)}. " +
                "Calming breaths such as Ocean's Breath practise an exhale longer than the inhale."));
        }

        return findings.ToImmutable();
    }

    /// <summary>Whether <paramref name="pattern"/> raises no <see cref="SafetySeverity.Warning"/> (information findings are fine).</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns><see langword="true"/> when the pattern stays within every threshold.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    public bool IsAcceptable(BreathPattern pattern) => !Evaluate(pattern).Any(f => f.Severity == SafetySeverity.Warning);

    /// <summary>Strict mode: refuses <paramref name="pattern"/> when it raises any warning.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <exception cref="UnsafeBreathPatternException">The pattern raises at least one warning; the exception lists them.</exception>
    public void EnsureAcceptable(BreathPattern pattern)
    {
        var warnings = Evaluate(pattern).Where(f => f.Severity == SafetySeverity.Warning).ToImmutableArray();
        if (!warnings.IsEmpty)
        {
            throw new UnsafeBreathPatternException(pattern.Name, warnings);
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan value) => BreathPacing.ExactSeconds.Text(value);
}
