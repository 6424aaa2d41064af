using System.Text.Json;
using BreathPacing.Serialization;
using BreathPacing.Tests.Support;
using CsCheck;
using Json.Schema;

namespace BreathPacing.Tests.Serialization;

/// <summary>The published schema (docs/breath-pattern.schema.json) agrees with what the library writes and reads.</summary>
public class BreathPatternJsonSchemaTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Serialization", "breath-pattern.schema.json")));

    [Fact]
    public void Schema_IsDraft202012()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Serialization", "breath-pattern.schema.json")));
        document.RootElement.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
    }

    [Fact]
    public void Schema_BuiltInPatterns_Validate()
    {
        foreach (var pattern in BreathPatternJsonTests.BuiltIns())
        {
            Errors(BreathPatternJson.Serialize(pattern)).Should().BeEmpty(pattern.Name);
        }
    }

    [Fact]
    public void Schema_RandomValidPatterns_Validate() =>
        PatternGen.Pattern.Sample(pattern =>
        {
            var json = BreathPatternJson.Serialize(pattern);
            Errors(json).Should().BeEmpty(json);
        }, iter: 500);

    [Theory]
    [InlineData("""{"name":"x","phases":[{"kind":"inhale","duration":4},{"kind":"exhale","duration":4}]}""", "no version")]
    [InlineData("""{"version":2,"name":"x","phases":[{"kind":"inhale","duration":4},{"kind":"exhale","duration":4}]}""", "unknown version")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4},{"kind":"exhale","duration":4}],"colour":1}""", "unknown field")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4,"speed":1},{"kind":"exhale","duration":4}]}""", "unknown phase field")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4},{"kind":"holdAfterInhale","duration":4}]}""", "no exhale")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":"4"},{"kind":"exhale","duration":4}]}""", "duration as text")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":700},{"kind":"exhale","duration":4}]}""", "phase too long")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4,"airway":"ear"},{"kind":"exhale","duration":4}]}""", "unknown airway")]
    [InlineData("""{"version":1,"name":"","phases":[{"kind":"inhale","duration":4},{"kind":"exhale","duration":4}]}""", "empty name")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4,"segments":[{"region":"a","share":0}]},{"kind":"exhale","duration":4}]}""", "zero share")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4},{"kind":"exhale","duration":4}],"defaultLength":{"kind":"cycles"}}""", "cycles without a count")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4},{"kind":"exhale","duration":4}],"progression":{"step":1,"everyCycles":0,"target":8}}""", "zero cycles per step")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":0},{"kind":"exhale","duration":4}]}""", "zero inhale")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4},{"kind":"holdAfterInhale","duration":0.005},{"kind":"exhale","duration":4}]}""", "hold between 0 and 10 ms")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4},{"kind":"holdAfterInhale","duration":2,"airway":"nose"},{"kind":"exhale","duration":4}]}""", "hold with an airway")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":600.00000005},{"kind":"exhale","duration":4}]}""", "rounds beyond 600 s")]
    [InlineData("""{"version":1,"name":"x\u202ey","phases":[{"kind":"inhale","duration":4},{"kind":"exhale","duration":4}]}""", "bidi override in the name")]
    [InlineData("""{"version":1,"name":"\u200b","phases":[{"kind":"inhale","duration":4},{"kind":"exhale","duration":4}]}""", "invisible name")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4,"cueKey":"a\u0007"},{"kind":"exhale","duration":4}]}""", "control character in a cue key")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4,"segments":[{"region":"a","share":1,"cueKey":" "}]},{"kind":"exhale","duration":4}]}""", "blank segment cue key")]
    public void Schema_InvalidDocuments_DoNotValidate(string json, string because)
    {
        Errors(json).Should().NotBeEmpty(because);
        FluentActions.Invoking(() => BreathPatternJson.Deserialize(json)).Should().Throw<BreathPatternJsonException>(because);
    }

    [Theory]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4},{"kind":"holdAfterInhale","duration":0},{"kind":"exhale","duration":4},{"kind":"holdAfterExhale","duration":0}]}""")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":600.00000004},{"kind":"exhale","duration":0.00999995}]}""")]
    [InlineData("""{"version":1,"name":"x","phases":[{"kind":"inhale","duration":4},{"kind":"holdAfterInhale","duration":2,"segments":[{"region":"chest","share":1}]},{"kind":"exhale","duration":4}]}""")]
    public void Schema_DocumentsTheReaderAccepts_Validate(string json)
    {
        Errors(json).Should().BeEmpty();
        BreathPatternJson.Deserialize(json).Should().NotBeNull();
    }

    private static List<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }
}
