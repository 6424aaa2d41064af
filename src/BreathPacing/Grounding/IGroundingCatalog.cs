using System.Collections.Immutable;
using System.Globalization;

namespace BreathPacing.Grounding;

/// <summary>
/// The grounding content: the guide, the breathing techniques with their steps and cues, the other self-care
/// routines and the sources, with the display text in one culture (<see cref="Culture"/>). Implementations are
/// immutable and thread-safe. <see cref="GroundingCatalog.Default"/> is the built-in English catalog.
/// </summary>
public interface IGroundingCatalog
{
    /// <summary>The culture the content's display text is resolved in (falling back to its neutral culture, then English).</summary>
    CultureInfo Culture { get; }

    /// <summary>What the content is for and whom it serves.</summary>
    GroundingGuide Guide { get; }

    /// <summary>The breathing techniques, in presentation order.</summary>
    ImmutableArray<GroundingTechnique> Techniques { get; }

    /// <summary>The other self-care routines, in presentation order.</summary>
    ImmutableArray<SelfCareRoutine> SelfCareRoutines { get; }

    /// <summary>Every source the content cites: the article first, then the studies in the order it cites them.</summary>
    ImmutableArray<SourceReference> Sources { get; }

    /// <summary>Finds a technique by its id or one of its aliases, ignoring case and surrounding white space.</summary>
    /// <param name="idOrAlias">An id such as <c>oceans-breath</c> or an alias such as <c>ujjayi</c>.</param>
    /// <returns>The technique, or <see langword="null"/> when none matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="idOrAlias"/> is <see langword="null"/>.</exception>
    GroundingTechnique? Find(string idOrAlias);

    /// <summary>Finds a source by its id (case-insensitive).</summary>
    /// <param name="id">The source id, as listed in a <c>SourceIds</c> collection.</param>
    /// <returns>The source, or <see langword="null"/> when none matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    SourceReference? FindSource(string id);

    /// <summary>Looks up any display text by key, with culture fallback (specific, then neutral, then English).</summary>
    /// <param name="key">A cue key or a <see cref="GroundingTextKeys"/> key.</param>
    /// <param name="culture">The culture; <see langword="null"/> for <see cref="Culture"/>.</param>
    /// <returns>The text, or <see langword="null"/> when no culture of the chain has it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    string? GetText(string key, CultureInfo? culture = null);

    /// <summary>
    /// Looks up the guidance text for a cue key a phase or segment carries, with culture fallback. The engine's
    /// events carry the key to show for each phase and segment.
    /// </summary>
    /// <param name="cueKey">The cue key, e.g. <see cref="CueKeys.ThreePartInhaleLowerBelly"/>.</param>
    /// <param name="culture">The culture; <see langword="null"/> for <see cref="Culture"/>.</param>
    /// <returns>The text, or <see langword="null"/> when the key is unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cueKey"/> is <see langword="null"/>.</exception>
    string? GetCueText(string cueKey, CultureInfo? culture = null);

    /// <summary>The same content with its display text in <paramref name="culture"/>.</summary>
    /// <param name="culture">The culture, e.g. <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>A catalog whose <see cref="Culture"/> is <paramref name="culture"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    IGroundingCatalog ForCulture(CultureInfo culture);
}
