using System.Collections.Immutable;
using System.Globalization;

namespace BreathPacing.Grounding;

/// <summary>
/// Looks texts up through layered providers with culture fallback: for each culture of the chain (the culture
/// asked for, then its parents up to but excluding the invariant culture, then English) every layer is asked
/// in order, first layer first. The built-in English layer is always the last, so every built-in key resolves.
/// </summary>
internal sealed class GroundingTextResolver
{
    private static readonly CultureInfo EnglishCulture = DictionaryGroundingTextProvider.English.Culture;

    private readonly ImmutableArray<IGroundingTextProvider> _layers;

    public GroundingTextResolver(ImmutableArray<IGroundingTextProvider> layers) =>
        _layers = layers.Add(DictionaryGroundingTextProvider.English);

    public static GroundingTextResolver BuiltIn { get; } = new([]);

    public string? Find(string key, CultureInfo culture)
    {
        for (var current = culture; current.Name.Length > 0; current = current.Parent)
        {
            if (TryLayers(key, current, out var text))
            {
                return text;
            }

            if (string.Equals(current.Name, EnglishCulture.Name, StringComparison.OrdinalIgnoreCase))
            {
                return null; // English already asked: nothing further to fall back to.
            }
        }

        return TryLayers(key, EnglishCulture, out var english) ? english : null;
    }

    public string Require(string key, CultureInfo culture) =>
        Find(key, culture) ?? throw new InvalidOperationException($"No grounding text for key '{key}' in culture '{culture.Name}' or English.");

    private bool TryLayers(string key, CultureInfo culture, out string? text)
    {
        foreach (var layer in _layers)
        {
            if (layer.TryGetText(key, culture, out var found) && !string.IsNullOrWhiteSpace(found))
            {
                text = found;
                return true;
            }
        }

        text = null;
        return false;
    }
}
