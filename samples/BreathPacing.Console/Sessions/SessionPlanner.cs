using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Journal;
using BreathPacing.ConsoleHost.Rendering;
using BreathPacing.Grounding;

namespace BreathPacing.ConsoleHost.Sessions;

/// <summary>
/// Resolves what the options (from the command line or the picker) chose into a <see cref="SessionPlan"/>, through
/// the library alone: the technique from the catalog, adjusted with <see cref="GroundingTechnique.CreatePattern"/>;
/// custom patterns from their notation or JSON; the length from <see cref="SessionLength.Choose"/>; and the safety
/// findings. Any technique in the catalog works the same way. Every mistake becomes a <see cref="UsageException"/>
/// that names the option and the value.
/// </summary>
/// <remarks>
/// With a practice journal (<paramref name="advisor"/>), a technique breathed without <c>--seconds</c> starts at the
/// seconds the practice plan suggests, and the plan says why; <c>--seconds</c> overrides the plan, and the plan says that too.
/// </remarks>
internal sealed class SessionPlanner(GuidanceContent content, Func<string, string> readFile, PracticeAdvisor? advisor = null)
{
    public SessionPlanner(GuidanceContent content, PracticeAdvisor? advisor = null)
        : this(content, File.ReadAllText, advisor)
    {
    }

    /// <summary>The technique breathed when nothing else is chosen: the catalog's first (Three-Part Breath in the built-in one).</summary>
    public GroundingTechnique DefaultTechnique => content.Techniques[0];

    /// <summary>The plan for the session the options chose, or for <see cref="DefaultTechnique"/> when they chose none.</summary>
    /// <param name="defaultCycles">The length when neither the options nor the pattern give one.</param>
    public SessionPlan FromOptions(CommandLineOptions options, int defaultCycles)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Pattern is { } notation)
        {
            // The notation names a pattern by its canonical form, e.g. "4-7-8"; say that it is a custom one.
            var custom = PatternFormats.ParseNotation(BreathCommand.PatternName, notation);
            return Build(custom, options, defaultCycles, technique: null, title: $"Custom pattern {custom.Name}");
        }

        if (options.PatternFile is { } path)
        {
            return Build(PatternFormats.ReadJson(BreathCommand.PatternFileName, path, Read(path)), options, defaultCycles, technique: null);
        }

        var technique = FindTechnique(options.Technique);
        if (Advise(technique) is not { } advice)
        {
            return Build(CreatePattern(technique, options), options, defaultCycles, technique) with { Options = OptionsFor(technique, options) };
        }

        // The plan chooses the seconds unless the options do; either way, say what the plan said.
        var followed = options with { Seconds = options.Seconds ?? advice.Seconds };
        var note = options.Seconds is { } chosen && chosen != advice.Seconds
            ? $"{BreathCommand.SecondsName} {Labels.Number(chosen, "0.##")} overrides the plan's {Labels.Number(advice.Seconds, "0.##")} s. ({advice.Reason})"
            : advice.Reason;
        BreathPattern pattern;
        try
        {
            pattern = CreatePattern(technique, followed);
        }
        catch (UsageException) when (options.Seconds is null && options.Progress)
        {
            // The plan's length leaves no room to lengthen toward the technique's target within the session: breathe it steadily.
            followed = followed with { Progress = false };
            pattern = CreatePattern(technique, followed);
            note += $" The breaths stay at {Labels.Number(advice.Seconds, "0.##")} s: {BreathCommand.ProgressName} has no room left below {Labels.Number(technique.DefaultOptions.TargetSeconds, "0.##")} s.";
        }

        return Build(pattern, followed, defaultCycles, technique) with { Options = OptionsFor(technique, followed), PlanNote = note };
    }

    /// <summary>The practice plan's advice for the next session of <paramref name="technique"/>, or <see langword="null"/> without a journal.</summary>
    public PlanAdvice? Advise(GroundingTechnique technique) => advisor?.Advise(technique);

    /// <summary>The technique with this name, or <see cref="DefaultTechnique"/> when the name is <see langword="null"/>.</summary>
    /// <exception cref="UsageException">No technique in the catalog has this name.</exception>
    public GroundingTechnique FindTechnique(string? name) => name is null
        ? DefaultTechnique
        : content.Find(name) ?? throw UsageException.ForOption(BreathCommand.TechniqueName, $"unknown technique \"{name}\"; expected {TechniqueNames.Known(content.Techniques)}.");

    /// <summary>The technique's pattern with the options' starting seconds and progression, as the technique itself makes it.</summary>
    /// <exception cref="UsageException">The technique refuses a setting; the message names the option.</exception>
    public static BreathPattern CreatePattern(GroundingTechnique technique, CommandLineOptions options)
    {
        try
        {
            return technique.CreatePattern(OptionsFor(technique, options));
        }
        catch (InvalidBreathPatternException e)
        {
            // The shared settings name the options they come from; anything else belongs to the progression or the technique.
            var option = string.Equals(e.Field, nameof(BreathTechniqueOptions.StartSeconds), StringComparison.OrdinalIgnoreCase) ? BreathCommand.SecondsName
                : options.Progress ? BreathCommand.ProgressName
                : BreathCommand.TechniqueName;
            throw UsageException.ForOption(option, e.Message);
        }
    }

    /// <summary>The technique's own options with the starting seconds and progression the options give (its defaults otherwise).</summary>
    public static BreathTechniqueOptions OptionsFor(GroundingTechnique technique, CommandLineOptions options)
    {
        var defaults = technique.DefaultOptions;
        return defaults with { StartSeconds = options.Seconds ?? defaults.StartSeconds, Progress = options.Progress };
    }

    /// <summary>The length the options choose for <paramref name="pattern"/>, through <see cref="SessionLength.Choose"/>.</summary>
    /// <exception cref="UsageException">The length is out of range; the message names the option.</exception>
    public static SessionLength ChooseLength(BreathPattern pattern, CommandLineOptions options, int defaultCycles)
    {
        try
        {
            return SessionLength.Choose(pattern, options.Cycles, options.Minutes, SessionLength.Cycles(defaultCycles));
        }
        catch (InvalidSessionLengthException e)
        {
            throw UsageException.ForOption(options.Cycles is null ? BreathCommand.MinutesName : BreathCommand.CyclesName, e.Message);
        }
    }

    private static SessionPlan Build(BreathPattern pattern, CommandLineOptions options, int defaultCycles, GroundingTechnique? technique, string? title = null) =>
        new(pattern, ChooseLength(pattern, options, defaultCycles), technique, PatternFormats.Evaluate(pattern), title);

    private string Read(string path)
    {
        try
        {
            return readFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw UsageException.ForOption(BreathCommand.PatternFileName, $"cannot read \"{path}\": {e.Message}");
        }
    }
}
