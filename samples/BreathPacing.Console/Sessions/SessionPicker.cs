using System.Globalization;
using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Rendering;
using BreathPacing.Grounding;
using Spectre.Console;

namespace BreathPacing.ConsoleHost.Sessions;

/// <summary>
/// The interactive start. It proposes a session (the catalog's first technique at its own pace, the live view's
/// length, or whatever the command line already said) that one key accepts; otherwise it asks, each question with
/// the current choice preselected: what to breathe (any technique in the catalog, or a custom pattern), the
/// starting seconds and whether to lengthen the breaths (for a technique), how long, and the colour. The answer is
/// a <see cref="CommandLineOptions"/>, so the same session can be asked for again on the command line.
/// </summary>
/// <remarks>
/// With a practice journal, the seconds proposed and preselected are the practice plan's, with its reason shown; a
/// choice that follows the plan leaves <c>--seconds</c> out of the command printed to repeat it, so that command keeps
/// following the plan.
/// </remarks>
internal sealed class SessionPicker(IAnsiConsole console, GuidanceContent content, SessionPlanner planner)
{
    /// <summary>The pattern proposed when someone chooses to type a custom one.</summary>
    public const string DefaultNotation = "4-6";

    /// <summary>The minutes proposed when someone chooses to give the length in minutes.</summary>
    public const double DefaultMinutes = 5;

    private const int LiveDefaultCycles = CommandLineOptions.LiveDefaultCycles;

    /// <summary>Asks what to breathe; <paramref name="given"/> holds what the command line already chose (length, colour, …).</summary>
    public CommandLineOptions Pick(CommandLineOptions given)
    {
        ArgumentNullException.ThrowIfNull(given);
        console.MarkupLine($"[bold]BreathPacing[/] [grey]·[/] {Markup.Escape(content.Purpose)}");
        console.WriteLine();

        var proposal = ForTechnique(planner.DefaultTechnique, given);
        console.MarkupLine($"Ready: {Describe(proposal)}");
        if (planner.FromOptions(proposal, LiveDefaultCycles).PlanNote is { } note)
        {
            console.MarkupLine($"[grey]Plan: {Markup.Escape(note)}[/]");
        }

        if (console.Prompt(new ConfirmationPrompt("Start now? [grey](n to choose the breath, length, pace and colour)[/]") { DefaultValue = true }))
        {
            return proposal;
        }

        var technique = AskWhat();
        var chosen = technique is null ? AskPattern(given) : AskPace(technique, ForTechnique(technique, given));
        chosen = AskLength(chosen);
        return chosen with { Colour = AskColour(chosen.Colour) };
    }

    /// <summary>One line on a choice, e.g. <c>Three-Part Breath · 10 cycles, 01:20 · 4 s per inhale, steady · steelblue1</c>.</summary>
    public string Describe(CommandLineOptions options)
    {
        var plan = planner.FromOptions(options, LiveDefaultCycles);
        var length = Labels.Length(plan.Length) + (plan.Timeline.TotalDuration is { } total ? ", " + Labels.ClockSeconds(total) : string.Empty);
        var pace = plan.Technique is null || plan.Options is not { } used
            ? null
            : $" · {Seconds(used.StartSeconds)} s per inhale, "
              + (used.Progress ? $"lengthening toward {Seconds(used.TargetSeconds)} s" : "steady");
        return $"[bold]{Markup.Escape(plan.Title)}[/] · {length}{pace} · [{options.Colour.Colour.ToMarkup()}]{Markup.Escape(options.Colour.Name)}[/]";
    }

    /// <summary>
    /// The technique with the given settings, or the practice plan's seconds, or its own defaults; and the live view's
    /// length unless one is given or the pattern has one.
    /// </summary>
    private CommandLineOptions ForTechnique(GroundingTechnique technique, CommandLineOptions given)
    {
        var defaults = technique.DefaultOptions;
        var advised = planner.Advise(technique)?.Seconds;
        var seconds = given.Seconds is { } s && s >= technique.Technique.MinimumSeconds && s <= technique.Technique.MaximumSeconds ? s : advised ?? defaults.StartSeconds;
        return WithLength(given with
        {
            Technique = TechniqueNames.CommandName(technique),
            Pattern = null,
            PatternFile = null,
            Seconds = Unless(advised, seconds),
            Progress = given.Progress && seconds < defaults.TargetSeconds,
        }, SessionPlanner.CreatePattern(technique, given with { Seconds = seconds, Progress = false }));
    }

    /// <summary>The seconds to put in the options: none when they are the plan's, so the session keeps following the plan.</summary>
    private static double? Unless(double? advised, double seconds) => advised == seconds ? null : seconds;

    /// <summary>Keeps a length the options give; otherwise the pattern's own, or the live view's default.</summary>
    private static CommandLineOptions WithLength(CommandLineOptions options, BreathPattern pattern) =>
        options.Cycles is null && options.Minutes is null && pattern.DefaultLength.Kind == SessionLengthKind.OpenEnded
            ? options with { Cycles = LiveDefaultCycles }
            : options;

    private GroundingTechnique? AskWhat()
    {
        var choices = content.Techniques.Select(t => new Choice(Markup.Escape(t.Name), t))
            .Append(new Choice("A custom pattern [grey](type it in the notation, e.g. 4-6 or 4-7-8)[/]", null))
            .ToArray();
        const string Question = "What would you like to breathe?";
        var choice = console.Prompt(new SelectionPrompt<Choice>()
            .Title(Question)
            .UseConverter(c => c.Label)
            .AddChoices(choices)
            .DefaultValue(choices[0]));
        Answered(Question, choice.Label);
        return choice.Technique;
    }

    private CommandLineOptions AskPace(GroundingTechnique technique, CommandLineOptions options)
    {
        var (min, max) = (technique.Technique.MinimumSeconds, technique.Technique.MaximumSeconds);
        var advice = planner.Advise(technique);
        if (advice is not null)
        {
            console.MarkupLine($"[grey]Plan: {Markup.Escape(advice.Reason)}[/]");
        }

        var seconds = console.Prompt(new TextPrompt<double>($"Seconds per inhale to start with [grey]({Seconds(min)} to {Seconds(max)})[/]")
        {
            Culture = CultureInfo.InvariantCulture,
        }
            .DefaultValue(options.Seconds ?? advice?.Seconds ?? technique.DefaultOptions.StartSeconds)
            .Validate(value => value < min || value > max
                ? ValidationResult.Error($"[red]Choose from {Seconds(min)} to {Seconds(max)} seconds.[/]")
                : Problem(technique, options with { Seconds = value, Progress = false }) is { } problem
                    ? ValidationResult.Error($"[red]{Markup.Escape(problem)}[/]")
                    : ValidationResult.Success()));
        options = options with { Seconds = Unless(advice?.Seconds, seconds), Progress = false };

        var target = technique.DefaultOptions.TargetSeconds;
        if (seconds < target
            && console.Prompt(new ConfirmationPrompt($"Lengthen the breaths step by step toward {Seconds(target)} s as you go?") { DefaultValue = false }))
        {
            var progressing = options with { Progress = true };
            if (Problem(technique, progressing with { Seconds = seconds }) is { } problem)
            {
                console.MarkupLine($"[grey]Keeping a steady pace: {Markup.Escape(problem)}[/]");
                return options;
            }

            return progressing;
        }

        return options;
    }

    private CommandLineOptions AskPattern(CommandLineOptions given)
    {
        var notation = console.Prompt(new TextPrompt<string>("Your pattern [grey](seconds: 4-6 is in 4, out 6; 4-7-8 is in 4, hold 7, out 8; 5x 4-6 repeats it 5 times)[/]")
            .DefaultValue(DefaultNotation)
            .Validate(text =>
            {
                try
                {
                    PatternFormats.ParseNotation("pattern", text);
                    return ValidationResult.Success();
                }
                catch (UsageException e)
                {
                    return ValidationResult.Error($"[red]{Markup.Escape(e.Message)}[/]");
                }
            }));
        var options = given with { Technique = null, PatternFile = null, Pattern = notation.Trim(), Seconds = null, Progress = false };
        return WithLength(options, PatternFormats.ParseNotation(BreathCommand.PatternName, options.Pattern));
    }

    private CommandLineOptions AskLength(CommandLineOptions options)
    {
        var plan = planner.FromOptions(options, LiveDefaultCycles);
        var current = new LengthChoice(
            $"{Labels.Length(plan.Length)}{(plan.Timeline.TotalDuration is { } total ? ", " + Labels.ClockSeconds(total) : string.Empty)}",
            LengthKind.Current);
        const string Question = "How long?";
        var choice = console.Prompt(new SelectionPrompt<LengthChoice>()
            .Title(Question)
            .UseConverter(c => c.Label)
            .AddChoices(current, new LengthChoice("A number of cycles…", LengthKind.Cycles), new LengthChoice("A number of minutes…", LengthKind.Minutes))
            .DefaultValue(current));
        if (choice.Kind == LengthKind.Current)
        {
            Answered(Question, choice.Label);
        }

        switch (choice.Kind)
        {
            case LengthKind.Cycles:
                var cycles = console.Prompt(new TextPrompt<int>($"How many cycles? [grey](1 to {PatternLimits.MaximumCycles.ToString(CultureInfo.InvariantCulture)})[/]") { Culture = CultureInfo.InvariantCulture }
                    .DefaultValue(plan.Timeline.TotalCycles ?? LiveDefaultCycles)
                    .Validate(n => n >= 1 && n <= PatternLimits.MaximumCycles, "[red]Give a whole number of cycles, 1 or more.[/]"));
                return options with { Cycles = cycles, Minutes = null };
            case LengthKind.Minutes:
                var maximum = PatternLimits.MaximumSessionDuration.TotalMinutes;
                var minutes = console.Prompt(new TextPrompt<double>("How many minutes? [grey](it ends on a whole cycle)[/]") { Culture = CultureInfo.InvariantCulture }
                    .DefaultValue(options.Minutes ?? DefaultMinutes)
                    .Validate(m => double.IsFinite(m) && m > 0 && m <= maximum, $"[red]Give a number of minutes above 0 and at most {maximum.ToString(CultureInfo.InvariantCulture)}.[/]"));
                return options with { Cycles = null, Minutes = minutes };
            default:
                return options;
        }
    }

    private ColourChoice AskColour(ColourChoice current)
    {
        const string Question = "Which colour should your breath fill with?";
        var choices = ColourChoice.Suggestions.Contains(current) ? ColourChoice.Suggestions : [current, .. ColourChoice.Suggestions];
        var colour = console.Prompt(new SelectionPrompt<ColourChoice>()
            .Title(Question)
            .UseConverter(c => $"[{c.Colour.ToMarkup()}]{Markup.Escape(c.Name)}[/]")
            .AddChoices(choices)
            .DefaultValue(current));
        Answered(Question, $"[{colour.Colour.ToMarkup()}]{Markup.Escape(colour.Name)}[/]");
        return colour;
    }

    /// <summary>A selection list clears itself once answered: keep the question and the answer on screen, as a text prompt does.</summary>
    private void Answered(string question, string answerMarkup) => console.MarkupLine($"{Markup.Escape(question)} {answerMarkup}");

    /// <summary>Why the technique refuses these settings, or <see langword="null"/> when it accepts them.</summary>
    private static string? Problem(GroundingTechnique technique, CommandLineOptions options)
    {
        try
        {
            SessionPlanner.CreatePattern(technique, options);
            return null;
        }
        catch (UsageException e)
        {
            return e.Message;
        }
    }

    private static string Seconds(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record Choice(string Label, GroundingTechnique? Technique);

    private enum LengthKind
    {
        Current,
        Cycles,
        Minutes,
    }

    private sealed record LengthChoice(string Label, LengthKind Kind);
}
