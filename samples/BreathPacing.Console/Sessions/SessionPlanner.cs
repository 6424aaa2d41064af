using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.Grounding;

namespace BreathPacing.ConsoleHost.Sessions;

/// <summary>
/// Resolves what the options (or the picker) chose into a <see cref="SessionPlan"/>: finds the technique
/// through the content catalog, parses custom patterns, applies the session length and evaluates safety.
/// Every mistake becomes a <see cref="UsageException"/> that names the option and the value.
/// </summary>
internal sealed class SessionPlanner(GuidanceContent content, Func<string, string> readFile)
{
    public SessionPlanner(GuidanceContent content)
        : this(content, File.ReadAllText)
    {
    }

    /// <summary>The plan for the session the command line chose, or for the default technique when it chose none.</summary>
    public SessionPlan FromOptions(CommandLineOptions options, int defaultCycles)
    {
        if (options.Pattern is { } notation)
        {
            return ForNotation("--pattern", notation, options, defaultCycles);
        }

        if (options.PatternFile is { } path)
        {
            return ForPattern(PatternFormats.ReadJson("--pattern-file", path, Read(path)), options, defaultCycles);
        }

        var technique = options.Technique is { } name
            ? content.Find(name) ?? throw UsageException.ForOption("--technique", $"unknown technique \"{name}\"; expected {Known()}.")
            : content.Find(BreathingTechniques.ThreePartBreathId)!;
        return ForTechnique(technique, options, defaultCycles);
    }

    /// <summary>The plan for a custom pattern typed in the notation (e.g. in the picker).</summary>
    public SessionPlan FromNotation(string notation, CommandLineOptions options, int defaultCycles) =>
        ForNotation("pattern", notation, options with { Seconds = null, Progress = false }, defaultCycles);

    /// <summary>The plan for a built-in technique.</summary>
    public SessionPlan ForTechnique(GroundingTechnique technique, CommandLineOptions options, int defaultCycles)
    {
        BreathPattern pattern;
        try
        {
            var defaults = technique.DefaultOptions;
            pattern = technique.CreatePattern(defaults with
            {
                StartSeconds = options.Seconds ?? defaults.StartSeconds,
                Progress = options.Progress,
            });
        }
        catch (InvalidBreathPatternException e)
        {
            throw UsageException.ForOption(options.Seconds is null ? "--technique" : "--seconds", e.Message);
        }

        return Build(pattern, options, defaultCycles, technique);
    }

    private static SessionPlan ForNotation(string option, string notation, CommandLineOptions options, int defaultCycles)
    {
        // The notation names a pattern by its canonical form, e.g. "4-7-8"; say that it is a custom one.
        var pattern = PatternFormats.ParseNotation(option, notation);
        return Build(pattern, options, defaultCycles, technique: null, title: $"Custom pattern {pattern.Name}");
    }

    private static SessionPlan ForPattern(BreathPattern pattern, CommandLineOptions options, int defaultCycles) =>
        Build(pattern, options, defaultCycles, technique: null);

    private static SessionPlan Build(BreathPattern pattern, CommandLineOptions options, int defaultCycles, GroundingTechnique? technique, string? title = null)
    {
        SessionLength length;
        try
        {
            length = SessionLength.Choose(pattern, options.Cycles, options.Minutes, SessionLength.Cycles(defaultCycles));
        }
        catch (InvalidSessionLengthException e)
        {
            throw UsageException.ForOption(options.Cycles is null ? "--minutes" : "--cycles", e.Message);
        }

        return new SessionPlan(pattern, length, technique, PatternFormats.Evaluate(pattern), title);
    }

    private string Read(string path)
    {
        try
        {
            return readFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw UsageException.ForOption("--pattern-file", $"cannot read \"{path}\": {e.Message}");
        }
    }

    private string Known() => string.Join(" or ", content.Techniques.Select(t => ShortName(t.Id)));

    /// <summary>The short name users type, e.g. "three-part" for "three-part-breath".</summary>
    internal static string ShortName(string id) => id switch
    {
        BreathingTechniques.ThreePartBreathId => "three-part",
        BreathingTechniques.OceansBreathId => "ocean",
        _ => id,
    };
}
