using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BreathPacing.Grounding;

/// <summary>
/// An immutable, dictionary-backed <see cref="IGroundingTextProvider"/> holding the texts of one culture.
/// <see cref="English"/> is the built-in content; its <see cref="Texts"/> list every key a translation can supply.
/// Thread-safe.
/// </summary>
public sealed class DictionaryGroundingTextProvider : IGroundingTextProvider
{
    /// <summary>Creates a provider for <paramref name="culture"/> holding <paramref name="texts"/>.</summary>
    /// <param name="culture">The culture of the texts; a named culture such as <c>de</c> or <c>de-AT</c>, not the invariant culture.</param>
    /// <param name="texts">The texts by key. Keys must be unique and not blank; texts must not be blank.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The culture is invariant, or a key or text is blank, or a key repeats; the message names it.</exception>
    public DictionaryGroundingTextProvider(CultureInfo culture, IEnumerable<KeyValuePair<string, string>> texts)
        : this(GroundingTextValidation.Culture(culture, nameof(culture)), Checked(texts))
    {
    }

    // The built-in English may have to be the invariant culture (see EnglishCulture), which the public constructor refuses.
    private DictionaryGroundingTextProvider(CultureInfo culture, ImmutableDictionary<string, string> texts)
    {
        Culture = culture;
        Texts = texts;
    }

    /// <summary>The built-in English texts (culture <c>en</c>): every key the built-in content uses.</summary>
    public static DictionaryGroundingTextProvider English { get; } = new(EnglishCulture(), Checked(EnglishGroundingTexts.All));

    /// <summary>The culture the texts are written in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>
    /// English, or — where no culture but the invariant one can be created (an app built with
    /// <c>InvariantGlobalization</c>, common in containers) — the invariant culture, which is then the only
    /// culture anyone can ask for, so the built-in English text still answers.
    /// </summary>
    private static ImmutableDictionary<string, string> Checked(IEnumerable<KeyValuePair<string, string>> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in texts)
        {
            GroundingTextValidation.Entry(key, text, nameof(texts), nameof(texts));
            if (!builder.TryAdd(key, text))
            {
                throw new ArgumentException($"The key '{key}' appears more than once.", nameof(texts));
            }
        }

        return builder.ToImmutable();
    }

    private static CultureInfo EnglishCulture()
    {
        try
        {
            return CultureInfo.GetCultureInfo("en");
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    /// <summary>The texts by key (ordinal, case-sensitive keys).</summary>
    public ImmutableDictionary<string, string> Texts { get; }

    /// <inheritdoc />
    public bool TryGetText(string key, CultureInfo culture, [NotNullWhen(true)] out string? text)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(culture);
        if (string.Equals(culture.Name, Culture.Name, StringComparison.OrdinalIgnoreCase))
        {
            return Texts.TryGetValue(key, out text);
        }

        text = null;
        return false;
    }
}
