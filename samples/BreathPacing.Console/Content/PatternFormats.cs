using BreathPacing.ConsoleHost.Cli;
using BreathPacing.Patterns;

namespace BreathPacing.ConsoleHost.Content;

/// <summary>
/// The one adapter between this host and the library's pattern formats and safety profile: notation,
/// JSON files and the findings shown before a session starts.
/// </summary>
internal static class PatternFormats
{
    /// <summary>Parses <c>--pattern</c> notation.</summary>
    /// <exception cref="UsageException">The notation is malformed; the message says where and what was expected.</exception>
    public static BreathPattern ParseNotation(string option, string notation) =>
        throw UsageException.ForOption(option, $"custom patterns are not available in this build; got \"{notation}\".");

    /// <summary>Reads a pattern saved as JSON.</summary>
    /// <exception cref="UsageException">The JSON is invalid; the message names the JSON path.</exception>
    public static BreathPattern ReadJson(string option, string path, string json) =>
        throw UsageException.ForOption(option, $"custom patterns are not available in this build; got \"{path}\".");

    /// <summary>The safety findings for <paramref name="pattern"/>, each as one display line.</summary>
    public static IReadOnlyList<PatternFinding> Evaluate(BreathPattern pattern) => [];
}

/// <summary>A safety finding to show once before a session starts.</summary>
internal sealed record PatternFinding(bool IsWarning, string Code, string Message);
