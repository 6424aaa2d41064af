using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace BreathPacing.Grounding;

/// <summary>
/// The grounding content catalog: the built-in Three-Part Breath and Ocean's Breath, the self-care routines
/// and the sources, with display text resolved through <see cref="IGroundingTextProvider"/> layers by culture.
/// Immutable and thread-safe once made.
/// </summary>
/// <example>
/// <code>
/// var catalog = GroundingCatalog.Default;
/// foreach (var technique in catalog.Techniques)
/// {
///     Console.WriteLine(technique.Name);
/// }
///
/// // Add a translation, or override single entries, without forking the content.
/// var german = GroundingCatalog.Create(b => b
///     .AddText("de", GroundingTextKeys.TechniqueName("oceans-breath"), "Ozeanatmung")
///     .UseCulture(CultureInfo.GetCultureInfo("de-DE")));
/// </code>
/// </example>
public sealed class GroundingCatalog : IGroundingCatalog
{
    private readonly GroundingTextResolver _texts;
    private readonly ConcurrentDictionary<string, GroundingCatalog> _views;
    private readonly FrozenDictionary<string, GroundingTechnique> _techniquesByName;
    private readonly FrozenDictionary<string, SourceReference> _sourcesById;

    private readonly ImmutableArray<TechniqueDefinition> _definitions;

    private GroundingCatalog(GroundingTextResolver texts, ImmutableArray<TechniqueDefinition> definitions, CultureInfo culture, ConcurrentDictionary<string, GroundingCatalog>? views)
    {
        _texts = texts;
        _definitions = definitions;
        Culture = culture;
        _views = views ?? new ConcurrentDictionary<string, GroundingCatalog>(StringComparer.OrdinalIgnoreCase);

        Guide = new GroundingGuide(
            Text(GroundingTextKeys.GuideTitle),
            Text(GroundingTextKeys.GuidePurpose),
            Text(GroundingTextKeys.GuideAudience),
            Text(GroundingTextKeys.GuideBackground),
            BuiltInGroundingContent.GuideSourceIds);
        Techniques = [.. definitions.Select(MakeTechnique)];
        SelfCareRoutines = [.. BuiltInGroundingContent.RoutineIds.Select(id => new SelfCareRoutine(
            id,
            Text(GroundingTextKeys.RoutineName(id)),
            Text(GroundingTextKeys.RoutineDescription(id)),
            [BuiltInGroundingContent.SourceArticleId]))];
        Sources = [.. BuiltInGroundingContent.Sources.Select(s => new SourceReference(
            s.Id, s.Kind, s.Authors, s.Year, s.Title, s.Site, s.Url, s.Published, Text(GroundingTextKeys.SourceNote(s.Id))))];

        _techniquesByName = Techniques
            .SelectMany(t => t.Aliases.Prepend(t.Id).Select(name => KeyValuePair.Create(name, t)))
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _sourcesById = Sources.ToFrozenDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The built-in catalog, in English.</summary>
    public static GroundingCatalog Default { get; } = new(GroundingTextResolver.BuiltIn, BuiltInGroundingContent.Techniques, DictionaryGroundingTextProvider.English.Culture, null);

    /// <inheritdoc />
    public CultureInfo Culture { get; }

    /// <inheritdoc />
    public GroundingGuide Guide { get; }

    /// <inheritdoc />
    public ImmutableArray<GroundingTechnique> Techniques { get; }

    /// <inheritdoc />
    public ImmutableArray<SelfCareRoutine> SelfCareRoutines { get; }

    /// <inheritdoc />
    public ImmutableArray<SourceReference> Sources { get; }

    /// <summary>
    /// Makes a catalog of the built-in content with extra or overriding texts and, optionally, another display culture.
    /// </summary>
    /// <param name="configure">Adds texts and providers to the builder; the builder cannot be used after this returns.</param>
    /// <returns>The catalog, immutable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public static GroundingCatalog Create(Action<GroundingCatalogBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new GroundingCatalogBuilder();
        configure(builder);
        var (layers, culture, techniques) = builder.Complete();
        return new GroundingCatalog(new GroundingTextResolver(layers), techniques, culture ?? Default.Culture, null);
    }

    /// <inheritdoc />
    public GroundingTechnique? Find(string idOrAlias)
    {
        ArgumentNullException.ThrowIfNull(idOrAlias);

        // Accept the typographic apostrophe ("Ocean’s Breath") as well as the plain one.
        var name = idOrAlias.Trim().Replace('\u2019', '\'');
        return _techniquesByName.GetValueOrDefault(name);
    }

    /// <inheritdoc />
    public SourceReference? FindSource(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _sourcesById.GetValueOrDefault(id.Trim());
    }

    /// <inheritdoc />
    public string? GetText(string key, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _texts.Find(key, culture ?? Culture);
    }

    /// <inheritdoc />
    public string? GetCueText(string cueKey, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(cueKey);
        return _texts.Find(cueKey, culture ?? Culture);
    }

    /// <summary>The same content with its display text in <paramref name="culture"/>. Views are made once and shared.</summary>
    /// <param name="culture">The culture, e.g. <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>A catalog whose <see cref="Culture"/> is <paramref name="culture"/>, with the same texts and providers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    public GroundingCatalog ForCulture(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (string.Equals(culture.Name, Culture.Name, StringComparison.OrdinalIgnoreCase))
        {
            return this;
        }

        // Views share one cache, so asking any view for a culture yields the same instance.
        return _views.GetOrAdd(culture.Name, static (name, texts) => new GroundingCatalog(texts.Resolver, texts.Definitions, CultureInfo.GetCultureInfo(name), texts.Views), (Resolver: _texts, Definitions: _definitions, Views: _views));
    }

    /// <inheritdoc />
    IGroundingCatalog IGroundingCatalog.ForCulture(CultureInfo culture) => ForCulture(culture);

    /// <inheritdoc />
    public override string ToString() => $"{Guide.Title} ({Culture.Name}, {Techniques.Length} techniques)";

    private string Text(string key) => _texts.Require(key, Culture);

    private GroundingTechnique MakeTechnique(TechniqueDefinition definition)
    {
        var id = definition.Id;
        var pattern = definition.Technique.DefaultPattern;
        return new GroundingTechnique(
            id,
            Text(GroundingTextKeys.TechniqueName(id)),
            definition.Aliases,
            Text(GroundingTextKeys.TechniqueSummary(id)),
            [.. Enumerable.Range(1, definition.StepCount).Select(n => Text(GroundingTextKeys.TechniqueStep(id, n)))],
            definition.HasVisualisation ? Text(GroundingTextKeys.TechniqueVisualisation(id)) : null,
            MakeCues(pattern),
            [.. Enumerable.Range(1, definition.CautionCount).Select(n => Text(GroundingTextKeys.TechniqueCaution(id, n)))],
            Text(GroundingTextKeys.TechniqueTiming(id)),
            definition.SourceIds,
            definition.Technique);
    }

    private ImmutableArray<GroundingCue> MakeCues(BreathPattern pattern)
    {
        var cues = ImmutableArray.CreateBuilder<GroundingCue>();
        for (var p = 0; p < pattern.Phases.Length; p++)
        {
            var phase = pattern.Phases[p];
            if (phase.CueKey is { } phaseKey)
            {
                cues.Add(new GroundingCue(phaseKey, p, phase.Kind, null, null, Text(phaseKey)));
            }

            for (var s = 0; s < phase.Segments.Length; s++)
            {
                var segment = phase.Segments[s];
                if (segment.CueKey is { } segmentKey)
                {
                    cues.Add(new GroundingCue(segmentKey, p, phase.Kind, s, segment.Region, Text(segmentKey)));
                }
            }
        }

        return cues.ToImmutable();
    }
}
