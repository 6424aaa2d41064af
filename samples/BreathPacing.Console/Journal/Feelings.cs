using System.Globalization;
using BreathPacing.Grounding;
using BreathPacing.Practice;
using Spectre.Console;

namespace BreathPacing.ConsoleHost.Journal;

/// <summary>
/// How a session felt, in the words of the catalog: the question asked after a session in the live view (one key answers
/// it), the words shown, and <c>--felt</c>, which takes a feeling's code (<c>easy</c>, <c>comfortable</c>, <c>hard</c>,
/// <c>dizzy</c>) or its text in the catalog (e.g. <c>"Dizzy or light-headed"</c>), case-insensitively.
/// </summary>
internal sealed class Feelings(IGroundingCatalog catalog)
{
    /// <summary>The feelings in the order they are offered.</summary>
    public static IReadOnlyList<PracticeFeeling> All { get; } = Enum.GetValues<PracticeFeeling>();

    /// <summary>The codes, as <c>--felt</c> lists and completes them.</summary>
    public static IReadOnlyList<string> Codes { get; } = All.Select(Code).ToArray();

    /// <summary>The stable code of a feeling: the last part of its text key (<c>practice.feeling.{code}</c>).</summary>
    public static string Code(PracticeFeeling feeling)
    {
        var key = PracticeTextKeys.Feeling(feeling);
        return key[(key.LastIndexOf('.') + 1)..];
    }

    /// <summary>The codes as a list in words: <c>easy, comfortable, hard or dizzy</c>.</summary>
    public static string Known => string.Join(", ", Codes.Take(Codes.Count - 1)) + " or " + Codes[^1];

    /// <summary>The question asked after a session.</summary>
    public string Question => catalog.GetText(PracticeTextKeys.FeelingQuestion) ?? "How did it feel?";

    /// <summary>The catalog's word for a feeling, e.g. <c>Dizzy or light-headed</c>.</summary>
    public string Text(PracticeFeeling feeling) => catalog.GetText(PracticeTextKeys.Feeling(feeling)) ?? Code(feeling);

    /// <summary>Reads a feeling given by its code or its catalog text, ignoring case and surrounding spaces.</summary>
    public bool TryParse(string? text, out PracticeFeeling feeling)
    {
        var word = text?.Trim() ?? string.Empty;
        foreach (var candidate in All)
        {
            if (string.Equals(word, Code(candidate), StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, Text(candidate), StringComparison.OrdinalIgnoreCase))
            {
                feeling = candidate;
                return true;
            }
        }

        feeling = default;
        return false;
    }

    /// <summary>
    /// Asks how the session felt and waits for one key: a number from the list, or the first letter of a word when no
    /// other word starts with it. Enter, Esc, the end of the input or <paramref name="cancellationToken"/> skips the question.
    /// </summary>
    /// <returns>The feeling, or <see langword="null"/> when skipped.</returns>
    public async Task<PracticeFeeling?> AskAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var choices = All.Select((feeling, i) => $"[bold]{(i + 1).ToString(CultureInfo.InvariantCulture)}[/] {Markup.Escape(Text(feeling))}");
        console.WriteLine();
        console.MarkupLine($"  {Markup.Escape(Question)}");
        console.MarkupLine($"    {string.Join("   ", choices)}   [grey](Enter skips)[/]");
        while (true)
        {
            ConsoleKeyInfo? key;
            try
            {
                key = await console.Input.ReadKeyAsync(intercept: true, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                key = null;
            }

            if (key is not { } pressed || pressed.Key is ConsoleKey.Enter or ConsoleKey.Escape)
            {
                console.MarkupLine("  [grey]Not rated.[/]");
                return null;
            }

            if (FromKey(pressed) is { } feeling)
            {
                console.MarkupLine($"  [grey]Felt:[/] {Markup.Escape(Text(feeling))}");
                return feeling;
            }
        }
    }

    /// <summary>The feeling a key stands for: its number in the list, or a first letter no other word shares.</summary>
    public PracticeFeeling? FromKey(ConsoleKeyInfo key)
    {
        if (key.KeyChar is >= '1' and <= '9' && key.KeyChar - '1' < All.Count)
        {
            return All[key.KeyChar - '1'];
        }

        if (!char.IsLetter(key.KeyChar))
        {
            return null;
        }

        var letter = char.ToUpperInvariant(key.KeyChar);
        var matches = All.Where(f => Text(f) is { Length: > 0 } text && char.ToUpperInvariant(text[0]) == letter).ToArray();
        return matches.Length == 1 ? matches[0] : null;
    }
}
