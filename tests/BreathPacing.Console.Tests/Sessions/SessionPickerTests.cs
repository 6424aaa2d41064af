using System.CommandLine.Parsing;
using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Input;
using BreathPacing.ConsoleHost.Sessions;
using BreathPacing.ConsoleHost.Tests.Support;
using BreathPacing.Grounding;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Testing;

namespace BreathPacing.ConsoleHost.Tests.Sessions;

public class SessionPickerTests
{
    private readonly TestConsole _console = new TestConsole().Interactive().Width(120).Height(40);

    [Fact]
    public void Pick_EnterAtOnce_AcceptsTheProposedSession()
    {
        _console.Input.PushKey(ConsoleKey.Enter);

        var options = Picker().Pick(CommandLineOptions.Default);

        options.Should().Be(new CommandLineOptions { Technique = "three-part", Seconds = 4, Cycles = CommandLineOptions.LiveDefaultCycles });
        _console.Output.Should().Contain("Ready: Three-Part Breath · 10 cycles, 01:20 · 4 s per inhale, steady · steelblue1");
        _console.Output.Should().NotContain("What would you like to breathe?", "one key accepts everything");
        ShouldRepeatAsTheSamePlan(options, "BreathPacing.Console --technique three-part --cycles 10 --seconds 4");
    }

    [Fact]
    public void Pick_WhatTheCommandLineAlreadySaid_IsPartOfTheProposal()
    {
        _console.Input.PushKey(ConsoleKey.Enter);

        var options = Picker().Pick(new CommandLineOptions { Minutes = 3, Seconds = 5, Colour = Colour("teal"), Speed = 2 });

        options.Should().Be(new CommandLineOptions { Technique = "three-part", Seconds = 5, Minutes = 3, Colour = Colour("teal"), Speed = 2 });
        ShouldRepeatAsTheSamePlan(options, "BreathPacing.Console --technique three-part --minutes 3 --seconds 5 --colour teal --speed 2");
    }

    [Fact]
    public void Pick_EveryQuestionAnswered_GivesThoseChoices()
    {
        _console.Input.PushTextWithEnter("n");
        Select(1);                               // Ocean's Breath
        _console.Input.PushTextWithEnter("5");   // seconds per inhale
        _console.Input.PushTextWithEnter("y");   // lengthen the breaths
        Select(1);                               // a number of cycles…
        _console.Input.PushTextWithEnter("6");
        Select(1);                               // teal

        var options = Picker().Pick(CommandLineOptions.Default);

        options.Should().Be(new CommandLineOptions { Technique = "ocean", Seconds = 5, Progress = true, Cycles = 6, Colour = Colour("teal") });
        _console.Output.Should().Contain("What would you like to breathe?").And.Contain("Seconds per inhale to start with (1 to 20)")
            .And.Contain("Lengthen the breaths step by step toward 10 s as you go?").And.Contain("How long?").And.Contain("How many cycles?")
            .And.Contain("Which colour should your breath fill with?");
        ShouldRepeatAsTheSamePlan(options, "BreathPacing.Console --technique ocean --cycles 6 --seconds 5 --progress --colour teal");
    }

    [Fact]
    public void Pick_EnterThroughTheQuestions_KeepsEachPreselectedAnswer()
    {
        _console.Input.PushTextWithEnter("n");
        for (var i = 0; i < 5; i++)
        {
            _console.Input.PushKey(ConsoleKey.Enter); // technique, seconds, progression, length, colour
        }

        var options = Picker().Pick(CommandLineOptions.Default);

        options.Should().Be(new CommandLineOptions { Technique = "three-part", Seconds = 4, Cycles = CommandLineOptions.LiveDefaultCycles });
    }

    [Fact]
    public void Pick_SecondsOutsideTheTechniquesRange_SaysWhyAndAsksAgain()
    {
        _console.Input.PushTextWithEnter("n");
        Select(0);
        _console.Input.PushTextWithEnter("30");
        _console.Input.PushTextWithEnter("6");
        _console.Input.PushKey(ConsoleKey.Enter);
        Select(0);
        Select(0);

        var options = Picker().Pick(CommandLineOptions.Default);

        options.Seconds.Should().Be(6);
        _console.Output.Should().Contain("Choose from 1 to 20 seconds.");
    }

    [Fact]
    public void Pick_CustomPattern_TakesTheNotationAndItsOwnRepeatCount()
    {
        _console.Input.PushTextWithEnter("n");
        Select(2);                                        // a custom pattern
        _console.Input.PushTextWithEnter("4-x");          // refused, asked again
        _console.Input.PushTextWithEnter("5x in 4 hold 2 out 6");
        Select(0);                                        // its own length
        Select(2);                                        // orchid

        var options = Picker().Pick(CommandLineOptions.Default);

        options.Should().Be(new CommandLineOptions { Pattern = "5x in 4 hold 2 out 6", Colour = Colour("orchid") });
        _console.Output.Should().Contain("cannot read \"4-x\"").And.Contain("5 cycles, 01:00");
        ShouldRepeatAsTheSamePlan(options, "BreathPacing.Console --pattern \"5x in 4 hold 2 out 6\" --colour orchid");
    }

    [Fact]
    public void Pick_AppsOwnTechnique_IsOfferedAndAdjustedLikeTheBuiltInOnes()
    {
        var content = new GuidanceContent(SquareBreath.Catalog);
        _console.Input.PushTextWithEnter("n");
        Select(2);                                        // Square Breath, after the built-in two
        _console.Input.PushTextWithEnter("3");
        _console.Input.PushKey(ConsoleKey.Enter);         // steady
        Select(2);                                        // a number of minutes…
        _console.Input.PushTextWithEnter("2");
        Select(0);

        var options = Picker(content).Pick(CommandLineOptions.Default);

        options.Should().Be(new CommandLineOptions { Technique = "square", Seconds = 3, Minutes = 2 });
        _console.Output.Should().Contain(SquareBreath.Name).And.Contain("(1 to 12)");
        var plan = new SessionPlanner(content).FromOptions(options, CommandLineOptions.LiveDefaultCycles);
        plan.Technique!.Id.Should().Be(SquareBreath.Id);
        plan.Timeline.TotalDuration.Should().Be(TimeSpan.FromSeconds(120));
        ShouldRepeatAsTheSamePlan(options, "BreathPacing.Console --technique square --minutes 2 --seconds 3", content);
    }

    [Fact]
    public async Task RunAsync_InATerminalWithNoChoice_AsksRunsAndShowsTheCommandToRepeatIt()
    {
        // The app's own path: the picker, the live view and the summary, on a scripted terminal; --speed keeps it short.
        _console.Input.PushTextWithEnter("n");
        Select(2);                                        // Square Breath, registered by the app
        _console.Input.PushTextWithEnter("1");
        _console.Input.PushKey(ConsoleKey.Enter);         // steady
        Select(1);                                        // a number of cycles…
        _console.Input.PushTextWithEnter("1");
        Select(0);
        var environment = new AppEnvironment(TextWriter.Null, new StringWriter(), IsOutputRedirected: false, IsInputRedirected: false, _ => null, TimeProvider.System)
        {
            Terminal = _console,
            Keys = new ConsoleKeyCommands(() => false, () => throw new InvalidOperationException("no key was typed")),
        };

        var code = await new ConsoleApp(environment, services => services.AddSingleton(SquareBreath.Catalog)).RunAsync(["--speed", "100"], CancellationToken.None);

        code.Should().Be(ExitCodes.Success);
        var output = _console.Output;
        output.Should().Contain("Square Breath · 1 cycle").And.Contain("1 full breath").And.Contain("paced at 15 breaths a minute");
        AppRun.Lines(output).Should().Contain(l => l.TrimEnd() == "To breathe this again: BreathPacing.Console --technique square --cycles 1 --seconds 1 --speed 100");
    }

    private static ColourChoice Colour(string name) => ColourChoice.TryParse(name, out var colour) ? colour : throw new ArgumentException(name);

    /// <summary>The printed command line, parsed back, plans the same session, even where the default length differs (plain output).</summary>
    private static void ShouldRepeatAsTheSamePlan(CommandLineOptions options, string expectedCommandLine, GuidanceContent? content = null)
    {
        content ??= GuidanceContent.Default;
        var printed = CommandLineText.Format(options.ToArguments());
        printed.Should().Be(expectedCommandLine);

        var parsed = new BreathCommand(content.Catalog).ParseOptions(CommandLineParser.SplitCommandLine(printed).Skip(1).ToArray());
        var planner = new SessionPlanner(content);
        var picked = planner.FromOptions(options, CommandLineOptions.LiveDefaultCycles);
        var repeated = planner.FromOptions(parsed, CommandLineOptions.DefaultCycles);
        repeated.Title.Should().Be(picked.Title);
        repeated.Pattern.Should().Be(picked.Pattern);
        repeated.Length.Should().Be(picked.Length);
        repeated.Technique.Should().Be(picked.Technique);
        parsed.Colour.Should().Be(options.Colour);
        parsed.Speed.Should().Be(options.Speed);
    }

    private SessionPicker Picker(GuidanceContent? content = null)
    {
        content ??= GuidanceContent.Default;
        return new SessionPicker(_console, content, new SessionPlanner(content));
    }

    private void Select(int index)
    {
        for (var i = 0; i < index; i++)
        {
            _console.Input.PushKey(ConsoleKey.DownArrow);
        }

        _console.Input.PushKey(ConsoleKey.Enter);
    }
}
