using System.Globalization;
using System.Text.Json;
using BreathPacing.Safety;
using BreathPacing.Serialization;
using BreathPacing.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BreathPacing.Web.Content;

/// <summary>Reads patterns from the notation and the JSON format, writes them as JSON, and reports their safety findings.</summary>
public sealed class PatternFormats
{
    /// <summary>The longest notation accepted; real patterns are a few dozen characters.</summary>
    public const int MaximumNotationLength = 500;

    /// <summary>Parses a pattern in the compact notation.</summary>
    /// <param name="notation">The notation, e.g. 4-7-8.</param>
    /// <returns>The pattern or a 400 problem with the error's position.</returns>
    public PatternResult ParseNotation(string notation)
    {
        if (notation.Length > MaximumNotationLength)
        {
            return new(null, Problems.BadRequest($"notation: {notation.Length} characters; at most {MaximumNotationLength} are accepted.",
                new Dictionary<string, object?> { ["field"] = "notation" }));
        }

        try
        {
            if (BreathNotation.TryParse(notation, out var pattern, out var error))
            {
                return new(pattern, null);
            }

            return new(null, NotationProblem(error, notation));
        }
        catch (InvalidBreathPatternException invalid)
        {
            return new(null, Problems.InvalidPattern(invalid));
        }
    }

    /// <summary>
    /// The 400 problem for a malformed notation, with one position: <c>position</c> is 1-based and counts characters
    /// of <c>input</c> (the notation as received), pointing at the first character that could not be read, or one
    /// past the end when the notation ended too soon. <c>expected</c> says what would have been accepted there and
    /// <c>found</c> what was there; <c>detail</c> says the same in a sentence with the same position.
    /// </summary>
    /// <param name="error">The parser's error.</param>
    /// <param name="notation">The notation as received.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult NotationProblem(BreathNotationException error, string notation)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(notation);

        // The library counts characters from 1, and gives the input as it can safely be shown (long input cut around
        // the spot, invisible characters spelled out) with the column of the spot within it.
        var position = error.Position;
        var detail = string.Create(CultureInfo.InvariantCulture, $"notation: expected {error.Expected} at character {position}, found {error.Found}.");
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The notation is malformed.",
            extensions: new Dictionary<string, object?>
            {
                ["field"] = "notation", ["position"] = position, ["input"] = error.Input, ["column"] = error.Column,
                ["expected"] = error.Expected, ["found"] = error.Found,
            });
    }

    /// <summary>Reads a pattern in the library's JSON format.</summary>
    /// <param name="json">The JSON document.</param>
    /// <returns>The pattern or a 400 problem with the JSON path of the error.</returns>
    public PatternResult ReadJson(JsonElement json)
    {
        try
        {
            return new(BreathPatternJson.Deserialize(json), null);
        }
        catch (BreathPatternJsonException error)
        {
            var path = "pattern" + (error.Path.StartsWith('$') ? error.Path[1..] : "." + error.Path);
            return new(null, TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest,
                title: "The pattern JSON is invalid.", extensions: new Dictionary<string, object?> { ["field"] = path }));
        }
        catch (InvalidBreathPatternException invalid)
        {
            return new(null, Problems.InvalidPattern(invalid));
        }
    }

    /// <summary>The pattern in the library's JSON format.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>Its JSON.</returns>
    public JsonElement ToJson(BreathPattern pattern)
    {
        using var document = JsonDocument.Parse(BreathPatternJson.Serialize(pattern));
        return document.RootElement.Clone();
    }

    /// <summary>The pattern with its figures and the gentle profile's safety findings.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>Its description.</returns>
    public ParsedPattern Describe(BreathPattern pattern)
    {
        var a = BreathPatternAnalysis.Of(pattern);
        var analysis = new AnalysisView(a.BreathsPerMinute, a.InhaleToExhaleRatio, a.LongestHold.TotalMilliseconds, a.CycleDuration.TotalMilliseconds, a.ShortestBreath.TotalMilliseconds);
        var findings = SafetyProfile.Gentle.Evaluate(pattern)
            .Select(static f => new FindingView(JsonNamingPolicy.CamelCase.ConvertName(f.Severity.ToString()), f.Code, f.Message)).ToArray();
        return new(ToJson(pattern), pattern.Name, BreathNotation.TryFormat(pattern, out var notation) ? notation : null, pattern.Phases.Select(PhaseView.Of).ToArray(), analysis, findings);
    }
}
