using System.Globalization;
using BreathPacing.ConsoleHost.Journal;
using BreathPacing.Practice;

namespace BreathPacing.ConsoleHost.Cli;

/// <summary>
/// What the command line (or the picker) asked for, checked for syntax, ranges and conflicts. Immutable. Which
/// technique or pattern it names is resolved by <see cref="Sessions.SessionPlanner"/>; <see cref="ToArguments"/>
/// turns it back into a command line that asks for the same session.
/// </summary>
internal sealed record CommandLineOptions
{
    /// <summary>The default session when nothing is chosen and there is no one to ask: a short demo.</summary>
    public const int DefaultCycles = 3;

    /// <summary>The default session in the live view, where someone is breathing along.</summary>
    public const int LiveDefaultCycles = 10;

    public static CommandLineOptions Default { get; } = new();

    /// <summary>The technique id or alias of <c>--technique</c>, or <see langword="null"/>.</summary>
    public string? Technique { get; init; }

    /// <summary>The notation of <c>--pattern</c>, or <see langword="null"/>.</summary>
    public string? Pattern { get; init; }

    /// <summary>The path of <c>--pattern-file</c>, or <see langword="null"/>.</summary>
    public string? PatternFile { get; init; }

    public int? Cycles { get; init; }

    public double? Minutes { get; init; }

    /// <summary>The starting seconds per inhale of a technique (<c>--seconds</c>).</summary>
    public double? Seconds { get; init; }

    /// <summary>Whether the technique's breaths lengthen as the session goes on (<c>--progress</c>).</summary>
    public bool Progress { get; init; }

    public ColourChoice Colour { get; init; } = ColourChoice.Default;

    public bool Plain { get; init; }

    public bool List { get; init; }

    /// <summary>How many times faster than real time the session runs (<c>--speed</c>); 1 is real time.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>The practice journal file of <c>--journal</c>, or <see langword="null"/> for the default one.</summary>
    public string? Journal { get; init; }

    /// <summary>Whether the journal is neither read nor written (<c>--no-journal</c>).</summary>
    public bool NoJournal { get; init; }

    /// <summary>How the session felt (<c>--felt</c>), or <see langword="null"/> to ask (live view) or leave it unrated.</summary>
    public PracticeFeeling? Felt { get; init; }

    /// <summary>Whether to show the journal's history instead of breathing (<c>--history</c>).</summary>
    public bool History { get; init; }

    /// <summary>The format to export the journal in (<c>--export</c>), or <see langword="null"/>.</summary>
    public JournalFormat? Export { get; init; }

    /// <summary>The file <c>--export</c> writes (<c>--output</c>), or <see langword="null"/> for standard output.</summary>
    public string? Output { get; init; }

    /// <summary>The JSON export to add to the journal (<c>--import</c>), or <see langword="null"/>.</summary>
    public string? Import { get; init; }

    /// <summary>Whether the command line itself chose what to breathe (otherwise the picker or the default does).</summary>
    public bool ChoosesSession => Technique is not null || Pattern is not null || PatternFile is not null;

    /// <summary>
    /// The arguments that ask for this session again, e.g. <c>--technique three-part --cycles 10 --seconds 4</c>:
    /// every choice that is not the default, in the order of <c>--help</c>. How it felt is not repeated: each session is asked anew.
    /// </summary>
    public IReadOnlyList<string> ToArguments()
    {
        var args = new List<string>();
        void Add(string option, string? value)
        {
            if (value is not null)
            {
                args.Add(option);
                args.Add(value);
            }
        }

        Add(BreathCommand.TechniqueName, Technique);
        Add(BreathCommand.PatternName, Pattern);
        Add(BreathCommand.PatternFileName, PatternFile);
        Add(BreathCommand.CyclesName, Cycles?.ToString(CultureInfo.InvariantCulture));
        Add(BreathCommand.MinutesName, Number(Minutes));
        Add(BreathCommand.SecondsName, Number(Seconds));
        if (Progress)
        {
            args.Add(BreathCommand.ProgressName);
        }

        if (Colour != ColourChoice.Default)
        {
            Add(BreathCommand.ColourName, Colour.Name);
        }

        if (Plain)
        {
            args.Add(BreathCommand.PlainName);
        }

        if (List)
        {
            args.Add(BreathCommand.ListName);
        }

        if (Speed != 1)
        {
            Add(BreathCommand.SpeedName, Number(Speed));
        }

        Add(BreathCommand.JournalName, Journal);
        if (NoJournal)
        {
            args.Add(BreathCommand.NoJournalName);
        }

        return args;
    }

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
