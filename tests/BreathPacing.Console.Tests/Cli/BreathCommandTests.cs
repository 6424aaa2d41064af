using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Journal;
using BreathPacing.ConsoleHost.Tests.Support;
using BreathPacing.Grounding;
using BreathPacing.Practice;
using Spectre.Console;

namespace BreathPacing.ConsoleHost.Tests.Cli;

public class BreathCommandTests
{
    /// <summary>Every option the help documented before the move to System.CommandLine, each with a value and what it must mean.</summary>
    public static TheoryData<string[], string, object> DocumentedOptions => new()
    {
        { ["--technique", "ocean"], nameof(CommandLineOptions.Technique), "ocean" },
        { ["--pattern", "4-7-8"], nameof(CommandLineOptions.Pattern), "4-7-8" },
        { ["--pattern-file", "calm.json"], nameof(CommandLineOptions.PatternFile), "calm.json" },
        { ["--cycles", "5"], nameof(CommandLineOptions.Cycles), 5 },
        { ["--minutes", "1.5"], nameof(CommandLineOptions.Minutes), 1.5 },
        { ["--seconds", "4.5"], nameof(CommandLineOptions.Seconds), 4.5 },
        { ["--progress"], nameof(CommandLineOptions.Progress), true },
        { ["--colour", "teal"], nameof(CommandLineOptions.Colour), new ColourChoice("teal", Color.Teal) },
        { ["--color", "orchid"], nameof(CommandLineOptions.Colour), new ColourChoice("orchid", Color.Orchid) },
        { ["--colour", "#5f87d7"], nameof(CommandLineOptions.Colour), new ColourChoice("#5f87d7", new Color(0x5f, 0x87, 0xd7)) },
        { ["--plain"], nameof(CommandLineOptions.Plain), true },
        { ["--speed", "2.5"], nameof(CommandLineOptions.Speed), 2.5 },
        { ["--list"], nameof(CommandLineOptions.List), true },
        { ["--cycles=7"], nameof(CommandLineOptions.Cycles), 7 },
        { ["--pattern=in 4 out 6"], nameof(CommandLineOptions.Pattern), "in 4 out 6" },
        { ["--felt", "easy"], nameof(CommandLineOptions.Felt), PracticeFeeling.Easy },
        { ["--journal", "my journal.db"], nameof(CommandLineOptions.Journal), "my journal.db" },
        { ["--no-journal"], nameof(CommandLineOptions.NoJournal), true },
        { ["--history"], nameof(CommandLineOptions.History), true },
        { ["--export", "csv"], nameof(CommandLineOptions.Export), JournalFormat.Csv },
        { ["--import", "old.json"], nameof(CommandLineOptions.Import), "old.json" },
    };

    private readonly BreathCommand _command = new(GroundingCatalog.Default);

    [Fact]
    public void ParseOptions_NoArguments_GivesTheDefaults()
    {
        var options = _command.ParseOptions([]);

        options.Should().Be(CommandLineOptions.Default);
        options.ChoosesSession.Should().BeFalse();
        options.Speed.Should().Be(1);
        options.Colour.Name.Should().Be("steelblue1");
    }

    [Theory]
    [MemberData(nameof(DocumentedOptions))]
    public void ParseOptions_EachDocumentedOption_KeepsItsMeaning(string[] args, string property, object expected)
    {
        var options = _command.ParseOptions(args);

        typeof(CommandLineOptions).GetProperty(property)!.GetValue(options).Should().Be(expected);
        options.Should().BeEquivalentTo(CommandLineOptions.Default, o => o.Excluding(m => m.Name == property || m.Name == nameof(CommandLineOptions.ChoosesSession)), "no other option changes");
    }

    [Fact]
    public void HelpText_ListsEveryDocumentedOptionAndNothingUntested()
    {
        var listed = Regex.Matches(_command.HelpText, @"(?m)^  ((?:-[-\w?]+(?:, )?)+)")
            .SelectMany(m => m.Groups[1].Value.Split(", "))
            .ToHashSet();
        var tested = DocumentedOptions.Select(row => ((string[])row[0])[0].Split('=')[0]).ToHashSet();

        listed.Should().Contain(tested).And.Contain(["--help", "-h"]);
        listed.Except(tested).Should().BeEquivalentTo(["-?", "-h", "--help", "--version", "--output"], "help and version come with the parser; --output goes with --export (tested below)");
    }

    [Fact]
    public void HelpText_FitsEightyColumnsAndSaysHowOptionsCombineAndTheExitCodes()
    {
        var help = _command.HelpText;

        AppRun.Lines(help).Should().OnlyContain(l => l.TrimEnd().Length <= BreathCommand.HelpWidth);
        help.Should().Contain("Usage:").And.Contain("BreathPacing.Console [options]");
        help.Should().Contain("Give at most one of --technique, --pattern and --pattern-file");
        help.Should().Contain("Three-Part Breath (3 cycles)", "the default session is named");
        help.Should().Contain("Exit codes: 0 done, 1 failure, 2 a mistake on the command line, 3 the practice\njournal cannot be used");
        help.Should().Contain("4 the file to --import is not a valid journal (nothing is imported).");
        help.Should().Contain("three-part or ocean", "the technique names come from the catalog");
    }

    [Fact]
    public void Parse_HelpWithMistakes_StillShowsHelp()
    {
        var result = _command.Parse(["--technique", "ocean", "--pattern", "1-0-1-0", "--frobnicate", "--help"]);

        _command.Mistakes(result).Should().BeEmpty();
        result.Action.Should().NotBeNull().And.NotBeOfType<System.CommandLine.Invocation.ParseErrorAction>();
        using var output = new StringWriter();
        result.Invoke(new System.CommandLine.InvocationConfiguration { Output = output }).Should().Be(ExitCodes.Success);
        output.ToString().Should().Be(_command.HelpText);
    }

    [Theory]
    [InlineData("--bogus", "unknown option \"--bogus\"; see --help for the options.")]
    [InlineData("stray", "unexpected argument \"stray\"; options start with --, e.g. --technique three-part.")]
    [InlineData("--cycles 0", "--cycles: expected a whole number of cycles from 1 to 1000000; got \"0\".")]
    [InlineData("--cycles -3", "--cycles: expected a whole number of cycles from 1 to 1000000; got \"-3\".")]
    [InlineData("--cycles 2.5", "--cycles: expected a whole number of cycles from 1 to 1000000; got \"2.5\".")]
    [InlineData("--cycles", "'--cycles'")]
    [InlineData("--cycles --plain", "--cycles: needs a value; got the option \"--plain\".")]
    [InlineData("--minutes 0", "--minutes: expected a number of minutes above 0")]
    [InlineData("--minutes soon", "got \"soon\"")]
    [InlineData("--seconds 0.5", "--seconds: expected from 1 to 20 seconds for Three-Part Breath; got \"0.5\".")]
    [InlineData("--technique ocean --seconds 21", "--seconds: expected from 1 to 20 seconds for Ocean's Breath; got \"21\".")]
    [InlineData("--seconds soon", "--seconds: expected a number of seconds; got \"soon\".")]
    [InlineData("--speed 0", "--speed: expected a factor from 0.1 to 1000; got \"0\".")]
    [InlineData("--speed NaN", "--speed: expected a factor from 0.1 to 1000; got \"NaN\".")]
    [InlineData("--colour blurple", "--colour: unknown colour \"blurple\"")]
    [InlineData("--color blurple", "--color: unknown colour \"blurple\"")]
    [InlineData("--colour default", "--colour: unknown colour \"default\"")]
    [InlineData("--plain=yes", "--plain: takes no value; got \"yes\".")]
    [InlineData("--cycles 2 --cycles 3", "'--cycles'")]
    [InlineData("--technique box", "--technique: unknown technique \"box\"; expected three-part or ocean.")]
    [InlineData("--technique ocean --pattern 4-0-4-0", "--technique and --pattern cannot be used together")]
    [InlineData("--pattern 4-0-4-0 --pattern-file p.json", "--pattern and --pattern-file cannot be used together")]
    [InlineData("--cycles 2 --minutes 1", "--cycles and --minutes cannot be used together")]
    [InlineData("--pattern 4-0-4-0 --seconds 5", "--seconds and --pattern cannot be used together")]
    [InlineData("--pattern-file p.json --progress", "--progress and --pattern-file cannot be used together")]
    [InlineData("--list --technique ocean", "--list and --technique cannot be used together")]
    [InlineData("--pattern 4-x-8", "--pattern: cannot read \"4-x-8\": at character 3 expected a number of seconds, found 'x'.")]
    [InlineData("--technique \"\"", "--technique: needs a value; got an empty one.")]
    [InlineData("--felt meh", "--felt: unknown feeling \"meh\"; expected easy, comfortable, hard or dizzy.")]
    [InlineData("--no-journal --felt easy", "--no-journal and --felt cannot be used together; --felt is kept in the journal.")]
    [InlineData("--no-journal --journal j.db", "--no-journal and --journal cannot be used together; --journal names the journal.")]
    [InlineData("--no-journal --history", "--no-journal and --history cannot be used together; --history works on the journal.")]
    [InlineData("--history --cycles 3", "--history and --cycles cannot be used together; --history only shows the journal.")]
    [InlineData("--history --export json", "--history and --export cannot be used together; choose one thing to do.")]
    [InlineData("--export xml", "--export: expected json or csv; got \"xml\".")]
    [InlineData("--export json --felt easy", "--export and --felt cannot be used together; --export works on the journal, not a session.")]
    [InlineData("--import old.json --technique ocean", "--import and --technique cannot be used together")]
    [InlineData("--output out.json", "--output goes with --export: it names the file the export is written to.")]
    [InlineData("--list --journal j.db", "--list and --journal cannot be used together")]
    public void ParseOptions_BadArguments_ThrowsUsageExceptionNamingTheOptionAndValue(string commandLine, string expected)
    {
        var args = Split(commandLine);

        var parse = () => _command.ParseOptions(args);

        parse.Should().Throw<UsageException>().Which.Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("easy", PracticeFeeling.Easy)]
    [InlineData("Comfortable", PracticeFeeling.Comfortable)]
    [InlineData(" HARD ", PracticeFeeling.Hard)]
    [InlineData("dizzy", PracticeFeeling.Dizzy)]
    [InlineData("Dizzy or light-headed", PracticeFeeling.Dizzy)]
    [InlineData("dizzy OR LIGHT-HEADED", PracticeFeeling.Dizzy)]
    public void ParseOptions_Felt_TakesTheCodeOrTheCatalogsWordsInAnyCase(string word, PracticeFeeling expected)
    {
        _command.ParseOptions(["--felt", word]).Felt.Should().Be(expected);
    }

    [Fact]
    public void ParseOptions_ExportWithOutputAndJournal_KeepsAll()
    {
        var options = _command.ParseOptions(["--export", "JSON", "--output", "sessions.json", "--journal", "j.db"]);

        options.Should().Be(CommandLineOptions.Default with { Export = JournalFormat.Json, Output = "sessions.json", Journal = "j.db" });
    }

    [Fact]
    public void Completions_FeltAndExport_OfferTheirWords()
    {
        _command.Root.Parse("--felt ").GetCompletions().Select(c => c.Label).Should().Equal("comfortable", "dizzy", "easy", "hard");
        _command.Root.Parse("--export ").GetCompletions().Select(c => c.Label).Should().Equal("csv", "json");
    }

    [Fact]
    public void Mistakes_SeveralMistakes_OneLineEach()
    {
        var mistakes = _command.Mistakes(_command.Parse(["--cycles", "0", "stray", "--colour", "blurple"]));

        mistakes.Should().HaveCount(3);
        mistakes.Should().ContainMatch("--cycles:*").And.ContainMatch("unexpected argument \"stray\"*").And.ContainMatch("--colour:*");
    }

    [Fact]
    public void Completions_Technique_OfferTheCatalogsNamesIncludingAnAppsOwn()
    {
        var command = new BreathCommand(SquareBreath.Catalog);

        var names = command.Root.Parse("--technique ").GetCompletions().Select(c => c.Label).ToArray();

        names.Should().Contain(["three-part", "three-part-breath", "ocean", "ujjayi", "square", SquareBreath.Id]);
        names.Should().NotContain(n => n.Contains(' '), "a completion is one word on the command line");
    }

    [Fact]
    public void Completions_Colour_OfferTheSuggestedColours()
    {
        var names = _command.Root.Parse("--colour ").GetCompletions().Select(c => c.Label);

        names.Should().Contain(ColourChoice.Suggestions.Select(c => c.Name));
    }

    [Fact]
    public void ParseOptions_AppsOwnTechnique_IsKnownByItsIdAndAlias()
    {
        var command = new BreathCommand(SquareBreath.Catalog);

        command.ParseOptions(["--technique", SquareBreath.Id, "--seconds", "12"]).Technique.Should().Be(SquareBreath.Id);
        command.ParseOptions(["--technique", "SQUARE"]).Technique.Should().Be("SQUARE");
        var tooLong = () => command.ParseOptions(["--technique", "square", "--seconds", "13"]);
        tooLong.Should().Throw<UsageException>().WithMessage("--seconds: expected from 1 to 12 seconds for Square Breath; got \"13\".");
    }

    [Theory]
    [InlineData("--technique three-part --cycles 10 --seconds 4")]
    [InlineData("--technique ocean --minutes 2.5 --seconds 5.5 --progress --colour teal --speed 3")]
    [InlineData("--pattern \"in 4 hold 2 out 6\" --cycles 3 --colour \"#5f87d7\"")]
    [InlineData("--pattern-file \"my patterns/calm.json\" --plain")]
    [InlineData("--technique ocean --journal \"my journal.db\"")]
    [InlineData("--technique ocean --no-journal")]
    public void ToArguments_PrintedAndParsedBack_GivesTheSameOptions(string commandLine)
    {
        var options = _command.ParseOptions(CommandLineParser.SplitCommandLine(commandLine).ToArray());

        var printed = CommandLineText.Format(options.ToArguments());
        var words = CommandLineParser.SplitCommandLine(printed).ToArray();

        words[0].Should().Be(BreathCommand.ProgramName);
        _command.ParseOptions(words[1..]).Should().Be(options);
    }

    private static string[] Split(string commandLine) =>
        commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a == "\"\"" ? string.Empty : a).ToArray();
}
