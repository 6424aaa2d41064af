using BreathPacing.Grounding;

namespace BreathPacing.ConsoleHost.Sessions;

/// <summary>
/// The names a person types for a technique, taken from the catalog: its id and aliases (the catalog's
/// <see cref="IGroundingCatalog.Find"/> accepts any of them). The shortest one without spaces is the one
/// shown, e.g. <c>three-part</c> for <c>three-part-breath</c>.
/// </summary>
internal static class TechniqueNames
{
    /// <summary>The names that can be typed as one word on a command line, shortest first.</summary>
    public static IEnumerable<string> Typed(GroundingTechnique technique) =>
        technique.Aliases.Prepend(technique.Id).Where(name => !name.Any(char.IsWhiteSpace)).OrderBy(name => name.Length);

    /// <summary>The name shown for <c>--technique</c>, e.g. <c>ocean</c>.</summary>
    public static string CommandName(GroundingTechnique technique) => Typed(technique).FirstOrDefault() ?? technique.Id;

    /// <summary>The techniques' names as a list in words, e.g. <c>three-part or ocean</c>.</summary>
    public static string Known(IReadOnlyList<GroundingTechnique> techniques)
    {
        var names = techniques.Select(CommandName).ToArray();
        return names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
