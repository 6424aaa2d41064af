using System.Collections.Immutable;
using System.Globalization;

namespace BreathPacing.Grounding;

/// <summary>
/// Composes a <see cref="GroundingCatalog"/> on top of the built-in content: texts in other cultures, overrides of
/// single entries, whole text providers, and the display culture. Used only inside
/// <see cref="GroundingCatalog.Create"/>; it cannot be used once the catalog is made. Not thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Precedence, for each culture of the fallback chain (the culture asked for, its neutral parent, then English):
/// entries added with <see cref="AddText(CultureInfo, string, string)"/> first (the last one added for a culture and
/// key wins), then providers added with <see cref="AddProvider"/> (the last one added first), then the built-in
/// English texts. So a German entry wins for <c>de-AT</c> over the built-in English, and an English entry overrides
/// the built-in one.
/// </para>
/// <para>Keys are the cue keys patterns carry and the keys of <see cref="GroundingTextKeys"/>; any other key is
/// accepted too, e.g. the cue keys of your own patterns, which <see cref="GroundingCatalog.GetCueText(string, CultureInfo?)"/>
/// then resolves.</para>
/// </remarks>
public sealed class GroundingCatalogBuilder
{
    private readonly Dictionary<string, (CultureInfo Culture, Dictionary<string, string> Texts)> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IGroundingTextProvider> _providers = [];
    private readonly List<TechniqueDefinition> _techniques = [];
    private CultureInfo? _culture;
    private bool _completed;

    internal GroundingCatalogBuilder()
    {
    }

    /// <summary>Adds or overrides one text.</summary>
    /// <param name="culture">The text's culture, e.g. <c>de</c> for every German-speaking culture or <c>de-AT</c> for one; not the invariant culture.</param>
    /// <param name="key">The text key, e.g. <see cref="CueKeys.OceanExhale"/> or <see cref="GroundingTextKeys.TechniqueName"/>.</param>
    /// <param name="text">The text; not blank.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The culture is invariant, or the key or text is blank; the message names it.</exception>
    /// <exception cref="InvalidOperationException">The catalog has already been made.</exception>
    public GroundingCatalogBuilder AddText(CultureInfo culture, string key, string text)
    {
        EnsureOpen();
        GroundingTextValidation.Culture(culture, nameof(culture));
        GroundingTextValidation.Entry(key, text, nameof(key), nameof(text));
        AddEntry(culture, key, text);
        return this;
    }

    /// <summary>Adds or overrides one text in the culture named <paramref name="cultureName"/>.</summary>
    /// <param name="cultureName">The culture name, e.g. <c>de</c> or <c>de-AT</c>.</param>
    /// <param name="key">The text key.</param>
    /// <param name="text">The text; not blank.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cultureName"/> is <see langword="null"/>.</exception>
    /// <exception cref="CultureNotFoundException"><paramref name="cultureName"/> names no known culture.</exception>
    /// <exception cref="ArgumentException">The name is empty (the invariant culture), or the key or text is blank.</exception>
    /// <exception cref="InvalidOperationException">The catalog has already been made.</exception>
    public GroundingCatalogBuilder AddText(string cultureName, string key, string text)
    {
        ArgumentNullException.ThrowIfNull(cultureName);
        return AddText(CultureInfo.GetCultureInfo(cultureName), key, text);
    }

    /// <summary>Adds or overrides many texts of one culture, e.g. a whole translation.</summary>
    /// <param name="culture">The texts' culture; not the invariant culture.</param>
    /// <param name="texts">The texts by key.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The culture is invariant, or a key or text is blank; the message names it. Nothing is added then.</exception>
    /// <exception cref="InvalidOperationException">The catalog has already been made.</exception>
    public GroundingCatalogBuilder AddTexts(CultureInfo culture, IEnumerable<KeyValuePair<string, string>> texts)
    {
        EnsureOpen();
        GroundingTextValidation.Culture(culture, nameof(culture));
        ArgumentNullException.ThrowIfNull(texts);
        var entries = texts.ToList();
        foreach (var (key, text) in entries)
        {
            GroundingTextValidation.Entry(key, text, nameof(texts), nameof(texts));
        }

        foreach (var (key, text) in entries)
        {
            AddEntry(culture, key, text);
        }

        return this;
    }

    /// <summary>Adds a text provider, e.g. one reading resource files; it is asked before the built-in English and before providers added earlier.</summary>
    /// <param name="provider">The provider; it must be thread-safe and should not change its answers.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The catalog has already been made.</exception>
    public GroundingCatalogBuilder AddProvider(IGroundingTextProvider provider)
    {
        EnsureOpen();
        ArgumentNullException.ThrowIfNull(provider);
        _providers.Add(provider);
        return this;
    }

    /// <summary>
    /// Adds a breathing technique of the app's own, after the built-in ones, so every host that lists, finds and adjusts
    /// techniques through the catalog offers it too. Its text is added in <paramref name="culture"/> (English by default)
    /// under the keys of <see cref="GroundingTextKeys"/>, so it can be translated like the built-in content.
    /// </summary>
    /// <param name="technique">The technique (e.g. made with <see cref="BreathTechnique.Create"/>); its id must be new to the catalog.</param>
    /// <param name="content">Its guidance.</param>
    /// <param name="culture">The culture of the guidance; <see langword="null"/> for English.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The id or an alias is taken, a text is blank, a source id is unknown, or a cue key of the pattern has no text; the message names it.
    /// Nothing is added then.
    /// </exception>
    /// <exception cref="InvalidOperationException">The catalog has already been made.</exception>
    public GroundingCatalogBuilder AddTechnique(BreathTechnique technique, GroundingTechniqueContent content, CultureInfo? culture = null)
    {
        EnsureOpen();
        ArgumentNullException.ThrowIfNull(technique);
        ArgumentNullException.ThrowIfNull(content);
        culture = GroundingTextValidation.Culture(culture ?? DictionaryGroundingTextProvider.English.Culture, nameof(culture));
        var id = technique.Id;
        var names = BuiltInGroundingContent.Techniques.Concat(_techniques).SelectMany(t => t.Aliases.Prepend(t.Id)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in content.Aliases.Prepend(id))
        {
            if (string.IsNullOrWhiteSpace(name) || !names.Add(name.Trim()))
            {
                throw new ArgumentException($"The technique name '{name}' is blank or already taken in the catalog.", nameof(content));
            }
        }

        var sources = BuiltInGroundingContent.Sources.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var source in content.SourceIds)
        {
            if (!sources.Contains(source))
            {
                throw new ArgumentException($"Technique '{id}' cites the unknown source id '{source}'; the catalog lists {string.Join(", ", sources)}.", nameof(content));
            }
        }

        var texts = new List<KeyValuePair<string, string>>
        {
            new(GroundingTextKeys.TechniqueName(id), content.Name),
            new(GroundingTextKeys.TechniqueSummary(id), content.Summary),
            new(GroundingTextKeys.TechniqueTiming(id), content.TimingGuidance),
        };
        texts.AddRange(content.Steps.Select((step, i) => KeyValuePair.Create(GroundingTextKeys.TechniqueStep(id, i + 1), step)));
        texts.AddRange(content.Cautions.Select((caution, i) => KeyValuePair.Create(GroundingTextKeys.TechniqueCaution(id, i + 1), caution)));
        if (content.Visualisation is { } visualisation)
        {
            texts.Add(new(GroundingTextKeys.TechniqueVisualisation(id), visualisation));
        }

        texts.AddRange(content.Cues);
        foreach (var (key, text) in texts)
        {
            GroundingTextValidation.Entry(key, text, nameof(content), nameof(content));
        }

        var known = texts.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var cueKey in technique.DefaultPattern.Phases.SelectMany(p => p.Segments.Select(s => s.CueKey).Prepend(p.CueKey)).OfType<string>())
        {
            if (!known.Contains(cueKey) && GroundingTextResolver.BuiltIn.Find(cueKey, culture) is null && !HasEntry(cueKey))
            {
                throw new ArgumentException($"Technique '{id}': the cue key '{cueKey}' of its pattern has no text; add it to {nameof(GroundingTechniqueContent.Cues)}.", nameof(content));
            }
        }

        foreach (var (key, text) in texts)
        {
            AddEntry(culture, key, text);
        }

        _techniques.Add(new TechniqueDefinition(id, [.. content.Aliases.Select(a => a.Trim())], content.Steps.Length, content.Cautions.Length,
            content.Visualisation is not null, content.SourceIds, technique));
        return this;
    }

    /// <summary>Sets the catalog's display culture (<see cref="GroundingCatalog.Culture"/>).</summary>
    /// <param name="culture">The culture. The default is English (<c>en</c>).</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The catalog has already been made.</exception>
    public GroundingCatalogBuilder UseCulture(CultureInfo culture)
    {
        EnsureOpen();
        ArgumentNullException.ThrowIfNull(culture);
        _culture = CultureInfo.GetCultureInfo(culture.Name);
        return this;
    }

    /// <summary>Seals the builder and hands over what it holds: the entries first, then providers newest first.</summary>
    internal (ImmutableArray<IGroundingTextProvider> Layers, CultureInfo? Culture, ImmutableArray<TechniqueDefinition> Techniques) Complete()
    {
        EnsureOpen();
        _completed = true;
        var layers = ImmutableArray.CreateBuilder<IGroundingTextProvider>();
        foreach (var (culture, texts) in _entries.Values)
        {
            layers.Add(new DictionaryGroundingTextProvider(culture, texts));
        }

        for (var i = _providers.Count - 1; i >= 0; i--)
        {
            layers.Add(_providers[i]);
        }

        return (layers.ToImmutable(), _culture, [.. BuiltInGroundingContent.Techniques, .. _techniques]);
    }

    private void AddEntry(CultureInfo culture, string key, string text)
    {
        if (!_entries.TryGetValue(culture.Name, out var entry))
        {
            entry = (CultureInfo.GetCultureInfo(culture.Name), new Dictionary<string, string>(StringComparer.Ordinal));
            _entries.Add(culture.Name, entry);
        }

        entry.Texts[key] = text;
    }

    private bool HasEntry(string key) => _entries.Values.Any(e => e.Texts.ContainsKey(key));

    private void EnsureOpen()
    {
        if (_completed)
        {
            throw new InvalidOperationException("This builder has already made its catalog; call GroundingCatalog.Create again to make another.");
        }
    }
}
