using System.Text.Json;
using BreathPacing.Serialization;

namespace BreathPacing.Tests.Serialization;

public class BreathPatternJsonConverterTests
{
    private sealed record Request(string Title, BreathPattern Pattern);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new BreathPatternJsonConverter() } };

    [Fact]
    public void Converter_PatternInsideLargerDocument_RoundTrips()
    {
        var request = new Request("evening", BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true }));

        var json = JsonSerializer.Serialize(request, Options);
        var again = JsonSerializer.Deserialize<Request>(json, Options)!;

        again.Pattern.Should().Be(request.Pattern);
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("pattern").GetProperty("version").GetInt32().Should().Be(1);
    }

    [Fact]
    public void Converter_InvalidPattern_ThrowsJsonExceptionWithOuterAndInnerPath()
    {
        const string json = """{"title":"x","pattern":{"version":1,"name":"n","phases":[{"kind":"inhale","duration":4},{"kind":"exhale","duration":700}]}}""";

        var error = FluentActions.Invoking(() => JsonSerializer.Deserialize<Request>(json, Options)).Should().Throw<JsonException>().Which;

        error.Path.Should().Be("$.pattern");
        error.Message.Should().Contain("$.phases[1].duration");
        error.InnerException.Should().BeOfType<BreathPatternJsonException>().Which.Path.Should().Be("$.phases[1].duration");
    }

    [Fact]
    public void Deserialize_JsonElement_ReadsThePattern()
    {
        using var document = JsonDocument.Parse("[" + BreathPatternJson.Serialize(BreathingTechniques.OceansBreath()) + "]");

        BreathPatternJson.Deserialize(document.RootElement[0]).Should().Be(BreathingTechniques.OceansBreath());
        FluentActions.Invoking(() => BreathPatternJson.Deserialize(document.RootElement)).Should().Throw<BreathPatternJsonException>()
            .Which.Path.Should().Be("$");
    }
}
