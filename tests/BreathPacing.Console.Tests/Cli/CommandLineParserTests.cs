using BreathPacing.ConsoleHost.Cli;
using Spectre.Console;

namespace BreathPacing.ConsoleHost.Tests.Cli;

public class CommandLineParserTests
{
    [Fact]
    public void Parse_NoArguments_GivesTheDefaults()
    {
        var options = CommandLineParser.Parse([]);

        options.Should().Be(CommandLineOptions.Default);
        options.ChoosesSession.Should().BeFalse();
        options.Speed.Should().Be(1);
        options.ColourName.Should().Be("steelblue1");
    }

    [Fact]
    public void Parse_EveryTechniqueOption_IsRead()
    {
        var options = CommandLineParser.Parse(["--technique", "three-part", "--cycles", "5", "--seconds", "4.5", "--progress", "--colour", "teal", "--plain", "--speed", "2.5"]);

        options.Technique.Should().Be("three-part");
        options.Cycles.Should().Be(5);
        options.Seconds.Should().Be(4.5);
        options.Progress.Should().BeTrue();
        options.ColourName.Should().Be("teal");
        options.Colour.Should().Be(Color.Teal);
        options.Plain.Should().BeTrue();
        options.Speed.Should().Be(2.5);
        options.ChoosesSession.Should().BeTrue();
    }

    [Fact]
    public void Parse_ValueAfterEqualsSign_IsRead()
    {
        var options = CommandLineParser.Parse(["--pattern=4-7-8-0", "--minutes=1.5", "--colour=#5f87d7"]);

        options.Pattern.Should().Be("4-7-8-0");
        options.Minutes.Should().Be(1.5);
        options.Colour.Should().Be(new Color(0x5f, 0x87, 0xd7));
    }

    [Fact]
    public void Parse_Help_WinsOverEverythingElse()
    {
        CommandLineParser.Parse(["--technique", "ocean", "--pattern", "1-0-1-0", "--help"]).Help.Should().BeTrue();
    }

    [Theory]
    [InlineData("--bogus", "unknown option \"--bogus\"")]
    [InlineData("stray", "unexpected argument \"stray\"")]
    [InlineData("--cycles 0", "--cycles: expected a whole number of cycles from 1 to 1000000; got \"0\".")]
    [InlineData("--cycles -3", "--cycles: expected a whole number of cycles from 1 to 1000000; got \"-3\".")]
    [InlineData("--cycles 2.5", "--cycles: expected a whole number of cycles from 1 to 1000000; got \"2.5\".")]
    [InlineData("--cycles", "--cycles: needs a value.")]
    [InlineData("--minutes 0", "--minutes: expected a number of minutes above 0")]
    [InlineData("--minutes soon", "got \"soon\"")]
    [InlineData("--seconds 0.5", "--seconds: expected from 1 to 20 seconds; got \"0.5\".")]
    [InlineData("--seconds 21", "--seconds: expected from 1 to 20 seconds; got \"21\".")]
    [InlineData("--speed 0", "--speed: expected a factor from 0.1 to 1000; got \"0\".")]
    [InlineData("--speed NaN", "--speed: expected a factor from 0.1 to 1000; got \"NaN\".")]
    [InlineData("--colour blurple", "--colour: unknown colour \"blurple\"")]
    [InlineData("--colour default", "--colour: unknown colour \"default\"")]
    [InlineData("--plain=yes", "--plain: takes no value; got \"yes\".")]
    [InlineData("--cycles 2 --cycles 3", "--cycles: given more than once.")]
    [InlineData("--technique ocean --pattern 4-0-4-0", "--technique and --pattern cannot be used together")]
    [InlineData("--pattern 4-0-4-0 --pattern-file p.json", "--pattern and --pattern-file cannot be used together")]
    [InlineData("--cycles 2 --minutes 1", "--cycles and --minutes cannot be used together")]
    [InlineData("--pattern 4-0-4-0 --seconds 5", "--seconds and --pattern cannot be used together")]
    [InlineData("--pattern-file p.json --progress", "--progress and --pattern-file cannot be used together")]
    [InlineData("--list --technique ocean", "--list and --technique cannot be used together")]
    [InlineData("--technique \"\"", "--technique: needs a value; got an empty one.")]
    public void Parse_BadArguments_ThrowsUsageExceptionNamingTheOptionAndValue(string commandLine, string expected)
    {
        var args = Split(commandLine);

        var parse = () => CommandLineParser.Parse(args);

        parse.Should().Throw<UsageException>().Which.Message.Should().Contain(expected);
    }

    private static string[] Split(string commandLine) =>
        commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a == "\"\"" ? string.Empty : a).ToArray();
}
