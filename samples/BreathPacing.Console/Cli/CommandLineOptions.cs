using Spectre.Console;

namespace BreathPacing.ConsoleHost.Cli;

/// <summary>
/// What the command line asked for, checked for syntax, ranges and conflicts. Immutable. Which technique
/// or pattern it names is resolved later by <see cref="Sessions.SessionPlanner"/>.
/// </summary>
internal sealed record CommandLineOptions
{
    /// <summary>The colour used when <c>--colour</c> is not given.</summary>
    public const string DefaultColourName = "steelblue1";

    /// <summary>The default session when nothing is chosen and there is no one to ask: a short demo.</summary>
    public const int DefaultCycles = 3;

    public static CommandLineOptions Default { get; } = new();

    /// <summary>The technique id or alias of <c>--technique</c>, or <see langword="null"/>.</summary>
    public string? Technique { get; init; }

    /// <summary>The notation of <c>--pattern</c>, or <see langword="null"/>.</summary>
    public string? Pattern { get; init; }

    /// <summary>The path of <c>--pattern-file</c>, or <see langword="null"/>.</summary>
    public string? PatternFile { get; init; }

    public int? Cycles { get; init; }

    public double? Minutes { get; init; }

    /// <summary>The starting seconds per inhale and exhale of a technique (<c>--seconds</c>).</summary>
    public double? Seconds { get; init; }

    /// <summary>Whether to use the technique's progression (<c>--progress</c>).</summary>
    public bool Progress { get; init; }

    public string ColourName { get; init; } = DefaultColourName;

    public Color Colour { get; init; } = Color.SteelBlue1;

    public bool Plain { get; init; }

    public bool List { get; init; }

    public bool Help { get; init; }

    /// <summary>How many times faster than real time the session runs (<c>--speed</c>); 1 is real time.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>Whether the command line itself chose what to breathe (otherwise the picker or the default does).</summary>
    public bool ChoosesSession => Technique is not null || Pattern is not null || PatternFile is not null;
}
