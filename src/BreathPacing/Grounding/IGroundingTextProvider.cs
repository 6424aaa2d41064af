using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BreathPacing.Grounding;

/// <summary>
/// A source of grounding display text for one or more cultures. A provider answers for the exact culture it is
/// asked about; the catalog walks the fallback chain (specific culture, then its neutral parent, then English)
/// and asks its providers at each step. Implementations must be thread-safe.
/// </summary>
/// <remarks>Keys are the cue keys patterns carry (see <see cref="CueKeys"/>) and the keys of <see cref="GroundingTextKeys"/>.</remarks>
public interface IGroundingTextProvider
{
    /// <summary>Looks up the text for <paramref name="key"/> in exactly <paramref name="culture"/>, without fallback.</summary>
    /// <param name="key">The text key.</param>
    /// <param name="culture">The culture to answer for; never the invariant culture.</param>
    /// <param name="text">The text when found.</param>
    /// <returns>Whether this provider has a text for the key in that culture. Empty or blank text counts as missing.</returns>
    bool TryGetText(string key, CultureInfo culture, [NotNullWhen(true)] out string? text);
}
