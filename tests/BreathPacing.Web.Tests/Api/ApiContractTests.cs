using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Api;

public sealed class ApiContractTests : IClassFixture<ApiContractTests.Host>
{
    private readonly HttpClient _client;

    public ApiContractTests(Host host) => _client = host.CreateClient();

    [Fact]
    public async Task StartSession_Technique_Returns201WithIdPatternStartAndEventsUrl()
    {
        var response = await _client.PostAsync("/api/sessions", WebApi.Json("""{ "techniqueId": "Ujjayi", "cycles": 3 }"""));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString();
        id.Should().MatchRegex("^[0-9a-f]{32}$");
        response.Headers.Location!.ToString().Should().Be($"/api/sessions/{id}");
        body.GetProperty("eventsUrl").GetString().Should().Be($"/api/sessions/{id}/events");
        body.GetProperty("techniqueId").GetString().Should().Be("oceans-breath");
        body.GetProperty("name").GetString().Should().Be("Ocean's Breath");
        body.GetProperty("visual").GetString().Should().Be("wave");
        body.GetProperty("startedAt").GetDateTimeOffset().Should().Be(VirtualTimeWebFactory.Epoch);
        body.GetProperty("totalCycles").GetInt32().Should().Be(3);
        body.GetProperty("totalDurationMs").GetDouble().Should().Be(3 * (4000 + 6000));
        body.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).Should().Equal("inhale", "exhale");
        body.GetProperty("pattern").ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public async Task StartSession_ThreePartWithSecondsAndMinutes_RoundsUpToWholeCyclesAndDrawsTheBody()
    {
        var body = await WebApi.StartAsync(_client, """{ "techniqueId": "three-part-breath", "seconds": 5, "minutes": 1 }""");

        body.GetProperty("visual").GetString().Should().Be("body");
        body.GetProperty("totalCycles").GetInt32().Should().Be(6);
        body.GetProperty("phases")[0].GetProperty("durationMs").GetDouble().Should().Be(5000);
        body.GetProperty("phases")[0].GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("region").GetString())
            .Should().Equal("lower-belly", "upper-belly", "chest");
    }

    [Fact]
    public async Task StartSession_ThreePartWithProgress_LengthensTheBreath()
    {
        var body = await WebApi.StartAsync(_client, """{ "techniqueId": "three-part-breath", "progress": true, "cycles": 30 }""");

        body.GetProperty("totalDurationMs").GetDouble().Should().BeGreaterThan(30 * 8000, "later cycles are longer than the first 4 s + 4 s");
    }

    [Fact]
    public async Task ListTechniques_ReturnsBothBuiltInsWithTheirDefaultPatterns()
    {
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/techniques");

        list.EnumerateArray().Select(t => t.GetProperty("id").GetString()).Should().Contain(["three-part-breath", "oceans-breath"]);
        list.EnumerateArray().Should().OnlyContain(t => t.GetProperty("defaultPattern").ValueKind == JsonValueKind.Object);
        foreach (var technique in list.EnumerateArray())
        {
            technique.GetProperty("summary").GetString().Should().NotBeNullOrWhiteSpace();
            technique.GetProperty("steps").GetArrayLength().Should().BeGreaterThan(0);
            technique.GetProperty("cautions").GetArrayLength().Should().BeGreaterThan(0);
            technique.GetProperty("timingGuidance").GetString().Should().NotBeNullOrWhiteSpace();
            technique.GetProperty("cues").GetArrayLength().Should().BeGreaterThan(0);
            technique.GetProperty("sources").EnumerateArray().Should().OnlyContain(s => !string.IsNullOrWhiteSpace(s.GetProperty("citation").GetString()));
            technique.GetProperty("sources").GetArrayLength().Should().BeGreaterThan(0);
        }
    }

    [Theory]
    [InlineData("oceans-breath", "oceans-breath")]
    [InlineData("UJJAYI", "oceans-breath")]
    [InlineData("three-part", "three-part-breath")]
    public async Task GetTechnique_ByIdOrAlias_ReturnsIt(string asked, string id)
    {
        var technique = await _client.GetFromJsonAsync<JsonElement>($"/api/techniques/{asked}");

        technique.GetProperty("id").GetString().Should().Be(id);
    }

    [Fact]
    public async Task Guide_HasPurposeSelfCareAndEverySource()
    {
        var guide = await _client.GetFromJsonAsync<JsonElement>("/api/guide");

        guide.GetProperty("purpose").GetString().Should().NotBeNullOrWhiteSpace();
        guide.GetProperty("selfCare").GetArrayLength().Should().BeGreaterThanOrEqualTo(5);
        var sources = guide.GetProperty("sources").EnumerateArray().ToList();
        sources.Should().HaveCount(5, "the four studies and the article");
        sources.Count(s => s.GetProperty("kind").GetString() == "study").Should().Be(4);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryRoute()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/techniques", "/api/techniques/{id}", "/api/patterns/parse", "/api/sessions", "/api/sessions/{id}/events",
            "/api/sessions/{id}/pause", "/api/sessions/{id}/resume", "/api/sessions/{id}", "/api/guide"]);
    }

    [Fact]
    public async Task Healthz_IsHealthy()
    {
        var response = await _client.GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/techniques")]
    [InlineData("/api/no-such-route")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        var response = await _client.GetAsync(url);

        response.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
    }

    [Fact]
    public async Task Page_IsServedWithItsOwnAssetsOnly()
    {
        var html = await _client.GetStringAsync("/");

        html.Should().Contain("<script type=\"module\" src=\"js/app.js\"></script>");
        html.Should().NotContain("http://").And.NotContain("https://").And.NotContain("style=\"").And.NotContain("<style");
        (await _client.GetAsync("/js/app.js")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.GetAsync("/css/app.css")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public sealed class Host : IDisposable
    {
        private readonly VirtualTimeWebFactory _factory = new();

        public HttpClient CreateClient() => _factory.CreateClient();

        public void Dispose() => _factory.Dispose();
    }
}
