using System.Globalization;
using System.Text;

namespace BreathPacing;

/// <summary>
/// The one rule for text a user can put into a pattern (its name, cue keys, region ids), and the one way the library
/// shows a bad value back. Text is refused when it could spoof what is shown (control characters, line breaks,
/// bidirectional overrides, embeddings and isolates), is not valid Unicode (an unpaired surrogate), or shows nothing
/// (empty once whitespace and invisible characters such as zero-width spaces, joiners and byte-order marks are removed).
/// Accepted text is trimmed of whitespace and invisible characters at both ends and normalised to Unicode NFC (where the
/// platform can normalise: not in globalization-invariant mode), then bounded in length. See ADR 0009.
/// </summary>
internal static class UserText
{
    /// <summary>How many characters of a bad value an error shows before shortening it.</summary>
    public const int EchoLength = 40;

    /// <summary>Checks and normalises <paramref name="value"/>, or throws naming <paramref name="field"/>.</summary>
    /// <param name="field">The field, e.g. <c>name</c> or <c>phases[0].cueKey</c>.</param>
    /// <param name="value">The text as given.</param>
    /// <param name="what">What the text is, for the message, e.g. <c>name</c> or <c>cue key</c>.</param>
    /// <param name="maximumLength">The most characters (UTF-16 code units) allowed after normalisation.</param>
    /// <returns>The trimmed, NFC-normalised text.</returns>
    public static string Normalise(string field, string? value, string what, int maximumLength)
    {
        if (value is null)
        {
            throw new InvalidBreathPatternException(field, "null", $"expected a {what}.");
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsSurrogate(value[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            throw Refuse(field, value, $"a {what} must be valid Unicode text; found an unpaired surrogate {CodePoint(value[i])} at character {i + 1}.");
        }

        var (start, end) = Trim(value);
        var index = start;
        while (index < end)
        {
            var rune = Rune.GetRuneAt(value, index);
            var problem = Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.Control => "a control character",
                UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "a line break",
                _ when IsBidiControl(rune.Value) => "a bidirectional override, embedding or isolate character (it can make text display differently from what it is)",
                _ => null,
            };

            if (problem is not null)
            {
                throw Refuse(field, value, $"a {what} must be one line of plain text; found {problem}, {CodePoint(rune.Value)}, at character {index + 1}.");
            }

            index += rune.Utf16SequenceLength;
        }

        var visible = false;
        for (index = start; index < end && !visible; index += Rune.GetRuneAt(value, index).Utf16SequenceLength)
        {
            visible = !IsInvisible(Rune.GetRuneAt(value, index));
        }

        if (!visible)
        {
            throw Refuse(field, value, $"expected a {what} with at least one visible character; found no visible character.");
        }

        var text = Nfc(value[start..end]);
        if (text.Length > maximumLength)
        {
            throw Refuse(field, value, $"a {what} has at most {maximumLength.ToString(CultureInfo.InvariantCulture)} characters; this one has {text.Length.ToString(CultureInfo.InvariantCulture)}.");
        }

        return text;
    }

    /// <summary>
    /// <paramref name="value"/> in quotes, safe to show: backslashes and quotes escaped, control, invisible and
    /// bidirectional characters (and unpaired surrogates) spelled out as <c>\uXXXX</c>, and a value longer than
    /// <see cref="EchoLength"/> characters cut there, with "…" and its length, e.g. <c>"xxx…" (7000 characters)</c>.
    /// </summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var cut = value.Length > EchoLength;
        var shown = cut ? value.AsSpan(0, char.IsHighSurrogate(value[EchoLength - 1]) ? EchoLength - 1 : EchoLength) : value.AsSpan();
        var text = new StringBuilder(shown.Length + 24).Append('"');
        AppendSafe(text, shown, escapeQuotes: true);
        if (cut)
        {
            return text.Append("…\" (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)").ToString();
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// Appends <paramref name="text"/> so that it shows what it is: control, invisible and bidirectional characters and
    /// unpaired surrogates as <c>\uXXXX</c>; a tab as a space (so columns stay aligned); with
    /// <paramref name="escapeQuotes"/>, backslashes and double quotes escaped as in JSON.
    /// </summary>
    public static void AppendSafe(StringBuilder builder, ReadOnlySpan<char> text, bool escapeQuotes)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var rune = new Rune(c, text[i + 1]);
                    if (IsInvisible(rune))
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}\\u{(int)text[i + 1]:X4}");
                    }
                    else
                    {
                        builder.Append(c).Append(text[i + 1]);
                    }

                    i++;
                    continue;
                }

                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                continue;
            }

            if (c == '\t' && !escapeQuotes)
            {
                builder.Append(' ');
            }
            else if (escapeQuotes && c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c == ' ' || !(char.IsControl(c) || IsBidiControl(c) || IsInvisible(new Rune(c)) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }
    }

    private static InvalidBreathPatternException Refuse(string field, string value, string problem) =>
        new(field, Quote(value), problem);

    private static string CodePoint(int value) => "U+" + value.ToString(value > 0xFFFF ? "X5" : "X4", CultureInfo.InvariantCulture);

    private static bool IsBidiControl(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    // Whitespace and format characters (zero-width space and joiners, byte-order mark, word joiner, soft hyphen,
    // directional marks, tags), plus the blank-looking characters that are neither: combining grapheme joiner,
    // variation selectors, Hangul fillers and the blank braille pattern.
    private static bool IsInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format
        || rune.Value is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800
            or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    // Whitespace and invisible characters are trimmed at both ends; bidirectional controls are not (they are refused).
    private static (int Start, int End) Trim(string value)
    {
        var start = 0;
        while (start < value.Length && IsTrimmable(Rune.GetRuneAt(value, start)))
        {
            start += Rune.GetRuneAt(value, start).Utf16SequenceLength;
        }

        var end = value.Length;
        while (end > start)
        {
            var last = char.IsLowSurrogate(value[end - 1]) && end - 2 >= start ? end - 2 : end - 1;
            if (!IsTrimmable(Rune.GetRuneAt(value, last)))
            {
                break;
            }

            end = last;
        }

        return (start, end);

        static bool IsTrimmable(Rune rune) => Rune.IsWhiteSpace(rune) || (IsInvisible(rune) && !IsBidiControl(rune.Value));
    }

    private static string Nfc(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text; // not reachable: unpaired surrogates are refused before
        }
    }
}
