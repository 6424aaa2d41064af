using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Api;

public sealed class PatternSourceTests : IClassFixture<PatternSourceTests.Host>
{
    private readonly HttpClient _client;

    public PatternSourceTests(Host host) => _client = host.CreateClient();

    [Fact]
    public async Task Parse_ValidNotation_ReturnsTheLibraryJsonAndFigures()
    {
        var response = await _client.PostAsync("/api/patterns/parse", WebApi.Json("""{ "notation": "in 4 hold 7 out 8" }"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var parsed = await response.Content.ReadFromJsonAsync<JsonElement>();
        parsed.GetProperty("pattern").GetProperty("version").GetInt32().Should().Be(1);
        parsed.GetProperty("pattern").GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("kind").GetString())
            .Should().Equal("inhale", "holdAfterInhale", "exhale");
        parsed.GetProperty("notation").GetString().Should().Be("4-7-8");
        parsed.GetProperty("analysis").GetProperty("cycleDurationMs").GetDouble().Should().Be(19000);
        parsed.GetProperty("findings").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Parse_FastPattern_ReportsTheSafetyWarnings()
    {
        var parsed = await (await _client.PostAsync("/api/patterns/parse", WebApi.Json("""{ "notation": "1-0-1-0" }""")))
            .Content.ReadFromJsonAsync<JsonElement>();

        parsed.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString())
            .Should().Contain(["breath-rate-high", "inhale-short", "exhale-short"]);
        parsed.GetProperty("findings").EnumerateArray().Should().OnlyContain(f => f.GetProperty("severity").GetString() == "warning");
    }

    [Theory]
    [InlineData("4-x-8", 3)]
    [InlineData("", 1)]
    [InlineData("4-7-", 5)]
    public async Task Parse_MalformedNotation_Is400WithTheInputAndOnePosition_CountedFromOne(string notation, int position)
    {
        var response = await _client.PostAsync("/api/patterns/parse", WebApi.Json(JsonSerializer.Serialize(new { notation })));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await WebApi.ProblemAsync(response);
        problem.GetProperty("position").GetInt32().Should().Be(position, "positions count characters from 1 (one past the end when the notation ends too soon)");
        problem.GetProperty("input").GetString().Should().Be(notation);
        problem.GetProperty("expected").GetString().Should().NotBeNullOrWhiteSpace();
        System.Text.RegularExpressions.Regex.Matches(problem.GetProperty("detail").GetString()!, @"\bat (?:character )?(\d+)").Select(m => m.Groups[1].Value)
            .Should().Equal([position.ToString(System.Globalization.CultureInfo.InvariantCulture)], "the detail gives the same single position");
    }

    [Theory]
    [InlineData("{}", "notation")]
    [InlineData("""{ "notation": 478 }""", "notation: expected a string")]
    [InlineData("""{ "notation": "4-7-8", "name": "x" }""", "name")]
    public async Task Parse_BadBody_Is400(string body, string mentions)
    {
        var response = await _client.PostAsync("/api/patterns/parse", WebApi.Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await WebApi.ProblemAsync(response)).GetRawText().Should().Contain(mentions);
    }

    [Fact]
    public async Task Parse_HugeNotation_Is400()
    {
        var notation = string.Join("-", Enumerable.Repeat("4", 400));
        var response = await _client.PostAsync("/api/patterns/parse", WebApi.Json(JsonSerializer.Serialize(new { notation })));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await WebApi.ProblemAsync(response);
    }

    [Fact]
    public async Task StartSession_Notation_UsesItsRepeatCountAsTheLength()
    {
        var session = await WebApi.StartAsync(_client, """{ "notation": "3x 4-0-6-0" }""");

        session.GetProperty("totalCycles").GetInt32().Should().Be(3);
        session.GetProperty("totalDurationMs").GetDouble().Should().Be(30000);
        session.GetProperty("visual").GetString().Should().Be("wave");
        session.GetProperty("techniqueId").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task StartSession_PatternJson_RoundTripsTheTechniquesOwnJson()
    {
        var technique = await _client.GetFromJsonAsync<JsonElement>("/api/techniques/three-part-breath");
        var body = JsonSerializer.Serialize(new { pattern = technique.GetProperty("defaultPattern"), cycles = 2 });

        var session = await WebApi.StartAsync(_client, body);

        session.GetProperty("visual").GetString().Should().Be("body", "the JSON keeps the body-region segments");
        session.GetProperty("pattern").GetRawText().Should().Be(technique.GetProperty("defaultPattern").GetRawText());
        session.GetProperty("totalCycles").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task StartSession_PatternJson_CanPaceThreePartBreathFasterThanTheTechniqueAllows()
    {
        // The technique's options stop at 2 s (the article warns that short breaths can leave you dizzy); a pattern
        // document may say anything valid, and the safety profile, not the server, speaks about it.
        var technique = await _client.GetFromJsonAsync<JsonNode>("/api/techniques/three-part-breath");
        var pattern = technique!["defaultPattern"]!;
        foreach (var phase in pattern["phases"]!.AsArray())
        {
            phase!["duration"] = 1;
        }

        var session = await WebApi.StartAsync(_client, new JsonObject { ["pattern"] = pattern.DeepClone(), ["cycles"] = 1 }.ToJsonString());

        session.GetProperty("visual").GetString().Should().Be("body");
        session.GetProperty("totalDurationMs").GetDouble().Should().Be(2000);
    }

    [Theory]
    [InlineData("""{ "notation": "4-x-8" }""", "position")]
    [InlineData("""{ "notation": "4-7-8", "cycles": 0 }""", "cycles = 0")]
    [InlineData("""{ "pattern": { "version": 1, "name": "x", "phases": [ { "kind": "inhale", "duration": "oops" } ] } }""", "pattern.phases[0].duration")]
    [InlineData("""{ "pattern": { "version": 99, "name": "x", "phases": [] } }""", "version")]
    [InlineData("""{ "pattern": { "version": 1, "name": "x", "phases": [ { "kind": "inhale", "duration": 4, "colour": "red" } ] } }""", "colour")]
    [InlineData("""{ "pattern": "4-7-8" }""", "pattern")]
    [InlineData("""{ "pattern": { "version": 1, "name": "x", "phases": [ { "kind": "inhale", "duration": -4 } ] } }""", "duration")]
    public async Task StartSession_MalformedNotationOrPatternJson_Is400NamingWhere(string body, string mentions)
    {
        var response = await _client.PostAsync("/api/sessions", WebApi.Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await WebApi.ProblemAsync(response)).GetRawText().Should().Contain(mentions);
    }

    public sealed class Host : IDisposable
    {
        private readonly VirtualTimeWebFactory _factory = new();

        public HttpClient CreateClient() => _factory.CreateClient();

        public void Dispose() => _factory.Dispose();
    }
}
