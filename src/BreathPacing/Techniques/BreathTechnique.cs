using System.Globalization;

namespace BreathPacing;

/// <summary>
/// A breathing technique as the engine paces it: an id, typed default options, the range of seconds it accepts,
/// and how it turns options into a <see cref="BreathPattern"/>. Progression (<see cref="BreathTechniqueOptions.Progress"/>)
/// and the shared range checks are applied here, the same way for every technique, so a technique only says how its
/// steady pattern looks. Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var box = BreathTechnique.Create("box", new BoxOptions(), o =>
/// {
///     var side = TimeSpan.FromSeconds(o.StartSeconds);
///     return BreathPattern.Create("Box").Inhale(side).HoldAfterInhale(side).Exhale(side).HoldAfterExhale(side).Build();
/// });
/// BreathPattern longer = box.CreatePattern(box.DefaultOptions with { StartSeconds = 5, Progress = true });
/// </code>
/// </example>
public sealed class BreathTechnique
{
    /// <summary>The largest <see cref="BreathTechniqueOptions.StepSeconds"/>: 5 s.</summary>
    private const double MaximumStepSeconds = 5;

    /// <summary>The largest <see cref="BreathTechniqueOptions.CyclesPerStep"/>: 100.</summary>
    private const int MaximumCyclesPerStep = 100;

    private readonly Func<BreathTechniqueOptions, BreathPattern> _createSteadyPattern;

    private BreathTechnique(string id, BreathTechniqueOptions defaultOptions, double minimumSeconds, double maximumSeconds, Func<BreathTechniqueOptions, BreathPattern> createSteadyPattern)
    {
        Id = id;
        DefaultOptions = defaultOptions;
        MinimumSeconds = minimumSeconds;
        MaximumSeconds = maximumSeconds;
        _createSteadyPattern = createSteadyPattern;
        DefaultPattern = CreatePattern(defaultOptions);
    }

    /// <summary>The stable id, e.g. <see cref="BreathingTechniques.ThreePartBreathId"/>.</summary>
    public string Id { get; }

    /// <summary>The default options; adjust them with <c>with</c> and pass them to <see cref="CreatePattern"/>.</summary>
    public BreathTechniqueOptions DefaultOptions { get; }

    /// <summary>The type of options the technique takes: the type of <see cref="DefaultOptions"/>.</summary>
    public Type OptionsType => DefaultOptions.GetType();

    /// <summary>The shortest <see cref="BreathTechniqueOptions.StartSeconds"/> the technique accepts.</summary>
    public double MinimumSeconds { get; }

    /// <summary>The longest <see cref="BreathTechniqueOptions.StartSeconds"/> (and progression target) the technique accepts.</summary>
    public double MaximumSeconds { get; }

    /// <summary>The pattern made with <see cref="DefaultOptions"/>.</summary>
    public BreathPattern DefaultPattern { get; }

    /// <summary>
    /// Defines a technique. <paramref name="createSteadyPattern"/> receives options whose shared settings are already
    /// checked, and returns the steady pattern whose first inhale lasts <see cref="BreathTechniqueOptions.StartSeconds"/>;
    /// the technique adds the progression when the options ask for one.
    /// </summary>
    /// <typeparam name="TOptions">The technique's options record.</typeparam>
    /// <param name="id">The stable id; not blank.</param>
    /// <param name="defaultOptions">The default options.</param>
    /// <param name="createSteadyPattern">Makes the steady pattern; it may throw <see cref="InvalidBreathPatternException"/> for its own options.</param>
    /// <param name="minimumSeconds">The shortest start the technique accepts; the default is 1 s.</param>
    /// <param name="maximumSeconds">The longest start or target the technique accepts; the default is 20 s.</param>
    /// <returns>The technique.</returns>
    /// <exception cref="ArgumentException">An argument is invalid, or the default options do not make a valid pattern.</exception>
    public static BreathTechnique Create<TOptions>(string id, TOptions defaultOptions, Func<TOptions, BreathPattern> createSteadyPattern, double minimumSeconds = 1, double maximumSeconds = 20)
        where TOptions : BreathTechniqueOptions
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(defaultOptions);
        ArgumentNullException.ThrowIfNull(createSteadyPattern);
        if (!double.IsFinite(minimumSeconds) || minimumSeconds <= 0 || !double.IsFinite(maximumSeconds) || maximumSeconds < minimumSeconds
            || maximumSeconds > PatternLimits.MaximumPhaseDuration.TotalSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumSeconds), $"Expected 0 < minimumSeconds ≤ maximumSeconds ≤ {PatternLimits.MaximumPhaseDuration.TotalSeconds}; were {minimumSeconds} and {maximumSeconds}.");
        }

        try
        {
            return new BreathTechnique(id, defaultOptions, minimumSeconds, maximumSeconds, options => createSteadyPattern((TOptions)options));
        }
        catch (InvalidBreathPatternException e)
        {
            throw new ArgumentException($"The default options of technique '{id}' do not make a valid pattern: {e.Message}", nameof(defaultOptions), e);
        }
    }

    /// <summary>Makes the technique's pattern with <paramref name="options"/>.</summary>
    /// <param name="options">Options of <see cref="OptionsType"/>, or <see langword="null"/> for <see cref="DefaultOptions"/>.</param>
    /// <returns>The pattern; open-ended by default.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not of <see cref="OptionsType"/>.</exception>
    /// <exception cref="InvalidBreathPatternException">
    /// An option is out of range, as given or once rounded to the 100 ns tick; the message names the option (e.g.
    /// <c>startSeconds</c>, <c>stepSeconds</c>) and its value.
    /// </exception>
    public BreathPattern CreatePattern(BreathTechniqueOptions? options = null)
    {
        options ??= DefaultOptions;
        if (options.GetType() != OptionsType)
        {
            throw new ArgumentException($"Technique '{Id}' takes options of type {OptionsType.Name}, not {options.GetType().Name}.", nameof(options));
        }

        CheckSeconds("startSeconds", options.StartSeconds, MinimumSeconds, MaximumSeconds);
        var steady = _createSteadyPattern(options);
        var inhale = steady.Phases[steady.ReferencePhaseIndex].Duration;
        if (inhale != Ticks(options.StartSeconds) || steady.Progression is not null)
        {
            throw new InvalidOperationException(
                $"Technique '{Id}' made a pattern whose first inhale lasts {ExactSeconds.Text(inhale)} (or which has its own progression); its steady pattern must start at startSeconds = {ExactSeconds.Number(options.StartSeconds)} s.");
        }

        if (!options.Progress)
        {
            return steady;
        }

        // Every check is made on the values as the pattern will hold them, rounded to the 100 ns tick, and names the
        // option (not the progression field it becomes).
        CheckSeconds("targetSeconds", options.TargetSeconds, MinimumSeconds, MaximumSeconds);
        var target = Ticks(options.TargetSeconds);
        if (target <= inhale)
        {
            throw new InvalidBreathPatternException("targetSeconds", ExactSeconds.Number(options.TargetSeconds),
                $"expected more than startSeconds ({ExactSeconds.Number(options.StartSeconds)}) when progressing{(options.TargetSeconds > options.StartSeconds ? ", by at least 100 ns" : string.Empty)}.");
        }

        if (!double.IsFinite(options.StepSeconds) || options.StepSeconds <= 0 || options.StepSeconds > MaximumStepSeconds || Ticks(options.StepSeconds) == TimeSpan.Zero)
        {
            throw new InvalidBreathPatternException("stepSeconds", ExactSeconds.Number(options.StepSeconds), $"expected more than 0 (at least 100 ns) and at most {ExactSeconds.Number(MaximumStepSeconds)} seconds per step.");
        }

        if (options.CyclesPerStep is < 1 or > MaximumCyclesPerStep)
        {
            throw new InvalidBreathPatternException("cyclesPerStep", options.CyclesPerStep.ToString(CultureInfo.InvariantCulture), $"expected from 1 to {MaximumCyclesPerStep} cycles per step.");
        }

        try
        {
            return steady.WithProgression(BreathProgression.Lengthen(Ticks(options.StepSeconds), options.CyclesPerStep, target));
        }
        catch (InvalidBreathPatternException e)
        {
            var (field, value) = e.Field switch
            {
                "progression.step" => ("stepSeconds", ExactSeconds.Number(options.StepSeconds)),
                "progression.everyCycles" => ("cyclesPerStep", options.CyclesPerStep.ToString(CultureInfo.InvariantCulture)),
                _ => ("targetSeconds", ExactSeconds.Number(options.TargetSeconds)),
            };
            throw new InvalidBreathPatternException(field, value, e.Problem);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Id;

    private static void CheckSeconds(string field, double value, double minimum, double maximum)
    {
        if (!double.IsFinite(value) || value < minimum || value > maximum)
        {
            throw new InvalidBreathPatternException(field, ExactSeconds.Number(value), $"expected from {ExactSeconds.Number(minimum)} to {ExactSeconds.Number(maximum)} seconds.");
        }
    }

    private static TimeSpan Ticks(double seconds) => TimeSpan.FromTicks(ExactSeconds.Ticks(seconds));
}
