using System.Text.Json;
using BreathPacing.Patterns;
using BreathPacing.Web.Api;

namespace BreathPacing.Web.Content;

/// <summary>Reads patterns from the notation and the JSON format, and writes them as JSON, for the API.</summary>
public sealed class PatternFormats
{
    /// <summary>Parses a pattern in the compact notation.</summary>
    /// <param name="notation">The notation, e.g. 4-7-8.</param>
    /// <returns>The pattern or a 400 problem with the error's position.</returns>
    public PatternResult ParseNotation(string notation) =>
        new(null, Problems.BadRequest("The notation format is not available in this build.", new Dictionary<string, object?> { ["field"] = "notation" }));

    /// <summary>Reads a pattern in the library's JSON format.</summary>
    /// <param name="json">The JSON document.</param>
    /// <returns>The pattern or a 400 problem with the JSON path of the error.</returns>
    public PatternResult ReadJson(JsonElement json) =>
        new(null, Problems.BadRequest("The pattern JSON format is not available in this build.", new Dictionary<string, object?> { ["field"] = "pattern" }));

    /// <summary>The pattern as JSON.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>Its JSON.</returns>
    public JsonElement ToJson(BreathPattern pattern) =>
        JsonSerializer.SerializeToElement(new { name = pattern.Name, phases = pattern.Phases.Select(PhaseView.Of).ToArray() }, JsonSerializerOptions.Web);

    /// <summary>The pattern with its figures and safety findings.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>Its description.</returns>
    public ParsedPattern Describe(BreathPattern pattern) =>
        new(ToJson(pattern), pattern.Name, string.Empty, pattern.Phases.Select(PhaseView.Of).ToArray(), null, []);
}
