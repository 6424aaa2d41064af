namespace BreathPacing.ConsoleHost.Content;

/// <summary>What the host shows about a built-in technique (from the grounding content model).</summary>
internal sealed record TechniqueInfo(
    string Id,
    string Name,
    string Summary,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> Cautions,
    string TimingGuidance,
    IReadOnlyList<string> Sources);

/// <summary>A self-care suggestion shown after a session.</summary>
internal sealed record SelfCareSuggestion(string Name, string Description);
