using BreathPacing.ConsoleHost.Cli;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.Grounding;
using Spectre.Console;

namespace BreathPacing.ConsoleHost.Sessions;

/// <summary>The interactive start: a one-line welcome, then a choice of technique or a custom pattern in the notation.</summary>
internal sealed class SessionPicker(IAnsiConsole console, GuidanceContent content, SessionPlanner planner)
{
    public SessionPlan Pick(CommandLineOptions options, int defaultCycles)
    {
        console.MarkupLine($"[bold]BreathPacing[/] [grey]·[/] {Markup.Escape(content.Purpose)}");
        console.WriteLine();

        var choices = content.Techniques
            .Select(t => new Choice(Markup.Escape(t.Name), t))
            .Append(new Choice("A custom pattern [grey](type it in the notation, e.g. 4-6 or 4-7-8)[/]", null))
            .ToArray();
        var choice = console.Prompt(new SelectionPrompt<Choice>()
            .Title("What would you like to breathe?")
            .UseConverter(c => c.Label)
            .AddChoices(choices));

        if (choice.Technique is { } technique)
        {
            // --progress belongs to Three-Part Breath; picking another technique simply leaves it out.
            return planner.ForTechnique(technique, options with { Progress = options.Progress && technique.Id == BreathingTechniques.ThreePartBreathId }, defaultCycles);
        }

        var notation = console.Prompt(new TextPrompt<string>("Your pattern [grey](seconds: 4-6 is in 4, out 6; 4-7-8 is in 4, hold 7, out 8)[/]:")
            .Validate(text =>
            {
                try
                {
                    planner.FromNotation(text, options, defaultCycles);
                    return ValidationResult.Success();
                }
                catch (UsageException e)
                {
                    return ValidationResult.Error($"[red]{Markup.Escape(e.Message)}[/]");
                }
            }));
        return planner.FromNotation(notation, options, defaultCycles);
    }

    private sealed record Choice(string Label, GroundingTechnique? Technique);
}
