using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using BreathPacing.ConsoleHost.Journal;
using BreathPacing.ConsoleHost.Sessions;
using BreathPacing.Grounding;
using BreathPacing.Practice;
using BreathPacing.Serialization;

namespace BreathPacing.ConsoleHost.Cli;

/// <summary>
/// The command line, defined once with System.CommandLine: each option's name, value, description (for
/// <c>--help</c>), parser, range and completions, and the rules between options. A mistake is reported
/// before anything starts, as one line that names the option and the value. Technique names come from the
/// catalog, so a technique an app registers is offered, completed and checked like the built-in ones.
/// </summary>
/// <remarks>
/// Options are grouped by purpose (what to breathe, how long, technique settings, display, the practice journal,
/// other). <c>--history</c>, <c>--export</c>, <c>--import</c> and <c>--list</c> are things to do instead of
/// breathing: each takes only the options that concern it.
/// </remarks>
internal sealed class BreathCommand
{
    public const string TechniqueName = "--technique";
    public const string PatternName = "--pattern";
    public const string PatternFileName = "--pattern-file";
    public const string CyclesName = "--cycles";
    public const string MinutesName = "--minutes";
    public const string SecondsName = "--seconds";
    public const string ProgressName = "--progress";
    public const string ColourName = "--colour";
    public const string PlainName = "--plain";
    public const string SpeedName = "--speed";
    public const string ListName = "--list";
    public const string FeltName = "--felt";
    public const string JournalName = "--journal";
    public const string NoJournalName = "--no-journal";
    public const string HistoryName = "--history";
    public const string ExportName = "--export";
    public const string OutputName = "--output";
    public const string ImportName = "--import";

    /// <summary>The program's name in the usage line and in the command line printed to repeat a session.</summary>
    public const string ProgramName = "BreathPacing.Console";

    /// <summary>The slowest <c>--speed</c>.</summary>
    public const double MinimumSpeed = 0.1;

    /// <summary>The fastest <c>--speed</c>: beyond it, frames and events blur together.</summary>
    public const double MaximumSpeed = 1000;

    /// <summary>The width <c>--help</c> is wrapped to.</summary>
    public const int HelpWidth = 80;

    private readonly IGroundingCatalog _catalog;
    private readonly Option<string?> _technique;
    private readonly Option<string?> _pattern;
    private readonly Option<string?> _patternFile;
    private readonly Option<int?> _cycles;
    private readonly Option<double?> _minutes;
    private readonly Option<double?> _seconds;
    private readonly Option<bool> _progress;
    private readonly Option<ColourChoice> _colour;
    private readonly Option<bool> _plain;
    private readonly Option<double> _speed;
    private readonly Option<bool> _list;
    private readonly Option<PracticeFeeling?> _felt;
    private readonly Option<string?> _journal;
    private readonly Option<bool> _noJournal;
    private readonly Option<bool> _history;
    private readonly Option<JournalFormat?> _export;
    private readonly Option<string?> _output;
    private readonly Option<string?> _import;

    /// <param name="catalog">Where technique names, ranges and defaults come from.</param>
    /// <param name="run">What a valid command line runs; it returns the exit code.</param>
    public BreathCommand(IGroundingCatalog catalog, Func<CommandLineOptions, CancellationToken, Task<int>>? run = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        var techniques = catalog.Techniques;
        var defaultTechnique = techniques[0];

        _technique = new Option<string?>(TechniqueName)
        {
            HelpName = "name",
            Description = $"A technique to breathe: {TechniqueNames.Known(techniques)} (their other names work too; --list shows them).",
            CustomParser = r => Text(r),
        };
        _technique.Validators.Add(r =>
        {
            if (ValueOf<string?>(r) is { } name && catalog.Find(name) is null)
            {
                r.AddError($"{TechniqueName}: unknown technique \"{name}\"; expected {TechniqueNames.Known(techniques)}.");
            }
        });
        _technique.CompletionSources.Add(_ => techniques.SelectMany(TechniqueNames.Typed));

        _pattern = new Option<string?>(PatternName)
        {
            HelpName = "notation",
            Description = "A custom pattern in the breath notation, in seconds: \"4-6\" (in, out), \"4-7-8\" (in, hold, out), "
                + "\"4-4-4-4\" (in, hold, out, hold), or words such as \"in 4 hold 2 out 6\"; a repeat count sets the length, e.g. \"5x 4-6\".",
            CustomParser = r => Text(r),
        };
        _pattern.Validators.Add(r =>
        {
            if (ValueOf<string?>(r) is { } notation && !BreathNotation.TryParse(notation, out _, out var error))
            {
                r.AddError(NotationError(PatternName, notation, error));
            }
        });

        _patternFile = new Option<string?>(PatternFileName)
        {
            HelpName = "path",
            Description = "A custom pattern saved as JSON.",
            CustomParser = r => Text(r),
        };

        _cycles = new Option<int?>(CyclesName)
        {
            HelpName = "N",
            Description = $"Breathe N whole cycles (1 or more). Otherwise the pattern's repeat count, or {CommandLineOptions.DefaultCycles} cycles in plain output and {CommandLineOptions.LiveDefaultCycles} in the live view.",
            CustomParser = r => Value(r, (string text, out int cycles) =>
                int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out cycles) && cycles >= 1 && cycles <= PatternLimits.MaximumCycles,
                $"a whole number of cycles from 1 to {Invariant(PatternLimits.MaximumCycles)}"),
        };

        var maximumMinutes = PatternLimits.MaximumSessionDuration.TotalMinutes;
        _minutes = new Option<double?>(MinutesName)
        {
            HelpName = "M",
            Description = "Breathe at least M minutes, ending on a whole cycle.",
            CustomParser = r => Value(r, (string text, out double minutes) => TryNumber(text, out minutes) && minutes > 0 && minutes <= maximumMinutes,
                $"a number of minutes above 0 and at most {Invariant(maximumMinutes)}"),
        };

        _seconds = new Option<double?>(SecondsName)
        {
            HelpName = "S",
            Description = $"Starting seconds per inhale, {SecondsRange(techniques)}; the technique sets the other phases from it. Without it, the practice plan chooses.",
            CustomParser = r => Value(r, (string text, out double seconds) => TryNumber(text, out seconds), "a number of seconds"),
        };

        _progress = new Option<bool>(ProgressName)
        {
            Description = $"Lengthen the technique's breaths step by step as the session goes on, {TargetText(techniques)}.",
        };

        _colour = new Option<ColourChoice>(ColourName, "--color")
        {
            HelpName = "name",
            Description = "The colour your breath fills with: a name such as teal or orchid, or #5f87d7.",
            DefaultValueFactory = _ => ColourChoice.Default,
            CustomParser = r => Value(r, (string text, out ColourChoice colour) => ColourChoice.TryParse(text, out colour), null,
                text => $"unknown colour \"{text}\"; use a colour name such as teal, orchid or steelblue1, or a hex value such as #5f87d7."),
        };
        _colour.CompletionSources.Add(_ => ColourChoice.Suggestions.Select(c => c.Name));

        _plain = new Option<bool>(PlainName)
        {
            Description = "One line per breath event instead of the live view (also when output is redirected or TERM=dumb). NO_COLOR is honoured.",
        };

        _speed = new Option<double>(SpeedName)
        {
            HelpName = "X",
            Description = $"Run time X times faster, for demos and tests ({Invariant(MinimumSpeed)} to {Invariant(MaximumSpeed)}).",
            DefaultValueFactory = _ => 1,
            CustomParser = r => Value(r, (string text, out double speed) => TryNumber(text, out speed) && speed >= MinimumSpeed && speed <= MaximumSpeed,
                $"a factor from {Invariant(MinimumSpeed)} to {Invariant(MaximumSpeed)}"),
        };

        _list = new Option<bool>(ListName)
        {
            Description = "Show the techniques with their steps, cautions and sources, then exit.",
        };

        var feelings = new Feelings(catalog);
        _felt = new Option<PracticeFeeling?>(FeltName)
        {
            HelpName = "word",
            Description = $"How the session felt, kept in the practice journal: {Feelings.Known} (or the words the live view shows). The live view asks after the session when this is not given.",
            CustomParser = r => Value(r, (string text, out PracticeFeeling? feeling) =>
            {
                var known = feelings.TryParse(text, out var parsed);
                feeling = parsed;
                return known;
            }, null, text => $"unknown feeling \"{text}\"; expected {Feelings.Known}."),
        };
        _felt.CompletionSources.Clear(); // not the enum's names: the codes people type
        _felt.CompletionSources.Add(_ => Feelings.Codes);

        _journal = new Option<string?>(JournalName)
        {
            HelpName = "path",
            Description = $"The practice journal file (SQLite). By default {JournalLocation.FolderName}/{JournalLocation.FileName} in your data folder: $XDG_DATA_HOME, else ~/.local/share (Linux), ~/Library/Application Support (macOS) or %LOCALAPPDATA% (Windows).",
            CustomParser = r => Text(r),
        };

        _noJournal = new Option<bool>(NoJournalName)
        {
            Description = "Neither read nor write the practice journal: no plan, nothing recorded.",
        };

        _history = new Option<bool>(HistoryName)
        {
            Description = "Show the journal: recent sessions, minutes per day and each technique's seconds per inhale over time, then exit.",
        };

        _export = new Option<JournalFormat?>(ExportName)
        {
            HelpName = "json|csv",
            Description = $"Write the whole journal as JSON (which {ImportName} reads back) or CSV (for a spreadsheet), then exit.",
            CustomParser = r => Value(r, (string text, out JournalFormat? format) =>
            {
                format = text.ToLowerInvariant() switch
                {
                    "json" => JournalFormat.Json,
                    "csv" => JournalFormat.Csv,
                    _ => null,
                };
                return format is not null;
            }, "json or csv"),
        };
        _export.CompletionSources.Clear();
        _export.CompletionSources.Add(_ => ["json", "csv"]);

        _output = new Option<string?>(OutputName)
        {
            HelpName = "file",
            Description = $"The file {ExportName} writes (replaced whole); standard output otherwise.",
            CustomParser = r => Text(r),
        };

        _import = new Option<string?>(ImportName)
        {
            HelpName = "file",
            Description = $"Add the sessions of a JSON export to the journal, all or none; sessions it already has are skipped. Then exit.",
            CustomParser = r => Text(r),
        };

        Root = new RootCommand(
            "A calm, paced breathing guide for grounding yourself in the terminal. With no options it asks what to "
            + $"breathe; when its output is redirected it runs a short {defaultTechnique.Name} ({CommandLineOptions.DefaultCycles} cycles) instead.")
        {
            _technique, _pattern, _patternFile,
            _cycles, _minutes,
            _seconds, _progress,
            _colour, _plain, _speed,
            _felt, _journal, _noJournal, _history, _export, _output, _import,
            _list,
        };
        Root.Validators.Add(CheckCombination);
        Root.HelpName = ProgramName;

        var help = Root.Options.OfType<HelpOption>().Single();
        var helpAction = (HelpAction)help.Action!;
        helpAction.MaxWidth = HelpWidth;
        help.Action = new HelpWithNotes(helpAction, Notes);

        if (run is not null)
        {
            Root.SetAction((result, cancellationToken) => run(OptionsOf(result), cancellationToken));
        }
    }

    public RootCommand Root { get; }

    /// <summary>What <c>--help</c> prints.</summary>
    public string HelpText
    {
        get
        {
            using var output = new StringWriter();
            Root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output, Error = output });
            return output.ToString();
        }
    }

    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args);

    /// <summary>Parses <paramref name="args"/> into options.</summary>
    /// <exception cref="UsageException">The command line has a mistake; the message is the first one of <see cref="Mistakes"/>.</exception>
    public CommandLineOptions ParseOptions(IReadOnlyList<string> args)
    {
        var result = Parse(args);
        return result.Errors.Count > 0 ? throw new UsageException(Mistakes(result)[0]) : OptionsOf(result);
    }

    /// <summary>The options of a parse without errors.</summary>
    public CommandLineOptions OptionsOf(ParseResult result) => new()
    {
        Technique = result.GetValue(_technique),
        Pattern = result.GetValue(_pattern),
        PatternFile = result.GetValue(_patternFile),
        Cycles = result.GetValue(_cycles),
        Minutes = result.GetValue(_minutes),
        Seconds = result.GetValue(_seconds),
        Progress = result.GetValue(_progress),
        Colour = result.GetValue(_colour),
        Plain = result.GetValue(_plain),
        Speed = result.GetValue(_speed),
        List = result.GetValue(_list),
        Felt = result.GetValue(_felt),
        Journal = result.GetValue(_journal),
        NoJournal = result.GetValue(_noJournal),
        History = result.GetValue(_history),
        Export = result.GetValue(_export),
        Output = result.GetValue(_output),
        Import = result.GetValue(_import),
    };

    /// <summary>A notation mistake, e.g. <c>--pattern: cannot read "4-x-8": at character 3 expected a number of seconds, found 'x'.</c></summary>
    public static string NotationError(string option, string notation, BreathNotationException error) =>
        $"{option}: cannot read \"{notation}\": at character {Invariant(error.Position)} expected {error.Expected}, found {error.Found}.";

    /// <summary>
    /// The mistakes in a parse, one line each, naming the option and the value. A word the parser could not place
    /// is explained by what stands before it: a value given to a switch (<c>--plain=yes</c>), an unknown option, or a
    /// stray argument.
    /// </summary>
    public IReadOnlyList<string> Mistakes(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var unmatched = result.UnmatchedTokens;
        var tokens = result.Tokens;
        var mistakes = new List<string>();
        // A word the parser could not place is a mistake only when the parser says so (e.g. not beside --help).
        foreach (var word in unmatched.Where(word => result.Errors.Any(e => Mentions(e, word))))
        {
            var at = tokens.ToList().FindIndex(t => t.Value == word && t.Type != TokenType.Option);
            var before = at > 0 ? tokens[at - 1].Value : null;
            var option = before is null ? null : Root.Options.FirstOrDefault(o => o.Name == before || o.Aliases.Contains(before));
            mistakes.Add(option is Option<bool>
                ? $"{before}: takes no value; got \"{word}\"."
                : word.StartsWith('-')
                    ? $"unknown option \"{word}\"; see --help for the options."
                    : $"unexpected argument \"{word}\"; options start with --, e.g. {TechniqueName} {TechniqueNames.CommandName(_catalog.Techniques[0])}.");
        }

        // The parser's own line for each unplaced word is replaced by the one above; every other mistake stays as it is.
        mistakes.AddRange(result.Errors
            .Where(e => !unmatched.Any(word => Mentions(e, word)))
            .Select(e => e.Message));
        return mistakes.Distinct().ToArray();
    }

    private static bool Mentions(ParseError error, string word) =>
        error.SymbolResult is CommandResult && error.Message.Contains($"'{word}'", StringComparison.Ordinal);

    /// <summary>What spans options, shown after them in <c>--help</c>.</summary>
    private const string Notes = """
        Give at most one of --technique, --pattern and --pattern-file, and give the
        length with --cycles or --minutes, not both. --seconds and --progress adjust a
        technique.

        The practice journal keeps each session breathed at --speed 1, with how it
        felt (asked after the live view; --felt in plain output). A technique breathed
        without --seconds starts where the journal's practice plan suggests, and the
        plan says why. --history, --export and --import work on the journal, then exit.

        Keys in the live view: space pauses and resumes, q or Esc ends early, and
        Ctrl+C ends gracefully with the summary.
        Exit codes: 0 done, 1 failure, 2 a mistake on the command line, 3 the practice
        journal cannot be used (damaged, locked, or not a journal; it is left as it
        is), 4 the file to --import is not a valid journal (nothing is imported).
        """;

    private void CheckCombination(CommandResult command)
    {
        var given = Root.Options.Where(o => command.GetResult(o) is { Implicit: false }).ToArray();
        bool Given(Option option) => given.Contains(option);

        var sources = new Option[] { _technique, _pattern, _patternFile }.Where(Given).ToArray();
        if (sources.Length > 1)
        {
            command.AddError($"{sources[0].Name} and {sources[1].Name} cannot be used together; choose one thing to breathe.");
        }

        if (Given(_cycles) && Given(_minutes))
        {
            command.AddError($"{CyclesName} and {MinutesName} cannot be used together; give the session length one way.");
        }

        if (Given(_pattern) || Given(_patternFile))
        {
            var custom = Given(_pattern) ? PatternName : PatternFileName;
            if (Given(_seconds))
            {
                command.AddError($"{SecondsName} and {custom} cannot be used together; {SecondsName} sets a technique's breaths, a custom pattern has its own.");
            }

            if (Given(_progress))
            {
                command.AddError($"{ProgressName} and {custom} cannot be used together; {ProgressName} lengthens a technique's breaths.");
            }
        }
        else if (command.GetResult(_seconds) is { Implicit: false } seconds && ValueOf<double?>(seconds) is { } start)
        {
            // Each technique says which starting seconds it accepts; the one named (or the default) decides.
            var named = command.GetResult(_technique) is { } techniqueResult ? ValueOf<string?>(techniqueResult) : null;
            var technique = (named is null ? null : _catalog.Find(named)) ?? _catalog.Techniques[0];
            var (min, max) = (technique.Technique.MinimumSeconds, technique.Technique.MaximumSeconds);
            if (start < min || start > max)
            {
                command.AddError($"{SecondsName}: expected from {Invariant(min)} to {Invariant(max)} seconds for {technique.Name}; got \"{seconds.Tokens[0].Value}\".");
            }
        }

        if (Given(_noJournal) && new Option[] { _journal, _felt, _history, _export, _import }.FirstOrDefault(Given) is { } needsJournal)
        {
            command.AddError($"{NoJournalName} and {needsJournal.Name} cannot be used together; {needsJournal.Name} {(needsJournal == _felt ? "is kept in" : needsJournal == _journal ? "names" : "works on")} the journal.");
        }

        if (Given(_output) && !Given(_export))
        {
            command.AddError($"{OutputName} goes with {ExportName}: it names the file the export is written to.");
        }

        // Things to do instead of breathing: one at a time, each with only the options that concern it.
        var actions = new Option[] { _history, _export, _import, _list }.Where(Given).ToArray();
        if (actions.Length > 1)
        {
            command.AddError($"{actions[0].Name} and {actions[1].Name} cannot be used together; choose one thing to do.");
        }
        else if (actions.Length == 1)
        {
            var action = actions[0];
            Option[] concerns = action == _history ? [_journal, _plain, _colour]
                : action == _export ? [_journal, _output]
                : action == _import ? [_journal]
                : [_plain, _colour];
            var what = action == _list ? "only shows the techniques" : action == _history ? "only shows the journal" : "works on the journal, not a session";
            if (given.FirstOrDefault(o => o != action && o != _noJournal && o != _output && !concerns.Contains(o)) is { } other)
            {
                command.AddError($"{action.Name} and {other.Name} cannot be used together; {action.Name} {what}.");
            }
        }
    }

    /// <summary>The option's value, or the default when the option has a mistake of its own (reported already).</summary>
    private static T? ValueOf<T>(OptionResult result)
    {
        try
        {
            return result.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    private static string SecondsRange(IReadOnlyList<GroundingTechnique> techniques)
    {
        var ranges = techniques.Select(t => (t.Technique.MinimumSeconds, t.Technique.MaximumSeconds)).Distinct().ToArray();
        return ranges.Length == 1
            ? $"{Invariant(ranges[0].MinimumSeconds)} to {Invariant(ranges[0].MaximumSeconds)}"
            : "within the technique's range: " + string.Join(", ", techniques.Select(t => $"{TechniqueNames.Typed(t).First()} {Invariant(t.Technique.MinimumSeconds)} to {Invariant(t.Technique.MaximumSeconds)}"));
    }

    private static string TargetText(IReadOnlyList<GroundingTechnique> techniques)
    {
        var targets = techniques.Select(t => t.DefaultOptions.TargetSeconds).Distinct().ToArray();
        return targets.Length == 1 ? $"toward {Invariant(targets[0])} s" : "toward the technique's target";
    }

    /// <summary>The option's name as the user typed it (e.g. <c>--color</c> for <c>--colour</c>).</summary>
    private static string Typed(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.IdentifierToken?.Value ?? option.Option.Name : result.Argument.Name;

    private static string? Text(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (IsOption(text))
        {
            result.AddError($"{Typed(result)}: needs a value; got the option \"{text}\".");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            result.AddError($"{Typed(result)}: needs a value; got an empty one.");
            return null;
        }

        return text.Trim();
    }

    private static T? Value<T>(ArgumentResult result, TryRead<T> tryRead, string? expected, Func<string, string>? problem = null)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (IsOption(text))
        {
            result.AddError($"{Typed(result)}: needs a value; got the option \"{text}\".");
            return default;
        }

        if (tryRead(text.Trim(), out var value))
        {
            return value;
        }

        result.AddError($"{Typed(result)}: {(problem is null ? $"expected {expected}; got \"{text}\"." : problem(text))}");
        return default;
    }

    private static bool IsOption(string text) => text.StartsWith("--", StringComparison.Ordinal) && text.Length > 2;

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private delegate bool TryRead<T>(string text, out T value);

    /// <summary>The built-in help, then the notes that span options: which go together, keys and exit codes.</summary>
    private sealed class HelpWithNotes(HelpAction help, string notes) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(notes.ReplaceLineEndings());
            return code;
        }
    }
}
