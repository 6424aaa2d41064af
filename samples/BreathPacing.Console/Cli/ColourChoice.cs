using Spectre.Console;

namespace BreathPacing.ConsoleHost.Cli;

/// <summary>The colour the breath fills with (<c>--colour</c>): the name the user typed and the colour it stands for.</summary>
internal readonly record struct ColourChoice(string Name, Color Colour)
{
    /// <summary>The colour used when <c>--colour</c> is not given: steelblue1.</summary>
    public static ColourChoice Default { get; } = new("steelblue1", Color.SteelBlue1);

    /// <summary>A few calm colours to offer, the default first (in the picker and as shell completions).</summary>
    public static IReadOnlyList<ColourChoice> Suggestions { get; } =
        [Default, .. new[] { "teal", "orchid", "lightseagreen", "mediumpurple", "gold3" }.Select(name => TryParse(name, out var c) ? c : throw new InvalidOperationException(name))];

    /// <summary>Reads a colour name (e.g. teal, orchid) or hex value (e.g. #5f87d7), as Spectre.Console knows them.</summary>
    public static bool TryParse(string? text, out ColourChoice choice)
    {
        var name = text?.Trim() ?? string.Empty;
        if (name.Length > 0 && !name.Contains(' ', StringComparison.Ordinal)
            && Style.TryParse(name.ToLowerInvariant(), out var style) && style is { Foreground: var colour } && colour != Color.Default)
        {
            choice = new ColourChoice(name, colour);
            return true;
        }

        choice = default;
        return false;
    }

    public override string ToString() => Name;
}
