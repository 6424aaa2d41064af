using BreathPacing.ConsoleHost.Cli;
using BreathPacing.Safety;
using BreathPacing.Serialization;

namespace BreathPacing.ConsoleHost.Content;

/// <summary>
/// What this host takes from the library's pattern formats and safety profile: custom patterns from the
/// notation or a JSON file, and the findings shown once before a session starts.
/// </summary>
internal static class PatternFormats
{
    /// <summary>Parses <c>--pattern</c> notation, e.g. <c>4-7-8</c> or <c>5x 4-0-6-0</c>.</summary>
    /// <exception cref="UsageException">The notation is malformed; the message says where and what was expected.</exception>
    public static BreathPattern ParseNotation(string option, string notation)
    {
        if (BreathNotation.TryParse(notation, out var pattern, out var error))
        {
            return pattern;
        }

        throw UsageException.ForOption(option, $"cannot read \"{notation}\": at character {error.Position} expected {error.Expected}, found {error.Found}.");
    }

    /// <summary>Reads a pattern saved as JSON.</summary>
    /// <exception cref="UsageException">The JSON is invalid; the message names the file and the JSON path.</exception>
    public static BreathPattern ReadJson(string option, string path, string json)
    {
        try
        {
            return BreathPatternJson.Deserialize(json);
        }
        catch (BreathPatternJsonException e)
        {
            throw UsageException.ForOption(option, $"\"{path}\" is not a valid breath pattern at {e.Path}: {e.Message}");
        }
    }

    /// <summary>The gentle safety profile's findings for <paramref name="pattern"/>, warnings first.</summary>
    public static IReadOnlyList<SafetyFinding> Evaluate(BreathPattern pattern) => SafetyProfile.Gentle.Evaluate(pattern);
}
