using System.Globalization;

namespace BreathPacing.Grounding;

/// <summary>Argument checks shared by the text providers and the catalog builder.</summary>
internal static class GroundingTextValidation
{
    public static CultureInfo Culture(CultureInfo? culture, string parameter)
    {
        ArgumentNullException.ThrowIfNull(culture, parameter);
        if (culture.Name.Length == 0)
        {
            throw new ArgumentException("Texts need a named culture such as 'en' or 'de-AT', not the invariant culture.", parameter);
        }

        return culture;
    }

    public static void Entry(string? key, string? text, string keyParameter, string textParameter)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException($"A text key is blank ('{key}').", keyParameter);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"The text for key '{key}' is blank.", textParameter);
        }
    }
}
