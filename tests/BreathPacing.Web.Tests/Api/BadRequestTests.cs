using System.Net;
using System.Text;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Api;

public sealed class BadRequestTests : IClassFixture<BadRequestTests.Host>
{
    private readonly HttpClient _client;

    public BadRequestTests(Host host) => _client = host.CreateClient();

    public static TheoryData<string, string, HttpStatusCode, string> BadSessionRequests => new()
    {
        { "unknown technique", """{ "techniqueId": "box-breathing" }""", HttpStatusCode.BadRequest, "techniqueId" },
        { "malformed JSON", """{ "techniqueId": "ocean", """, HttpStatusCode.BadRequest, "not valid JSON" },
        { "wrong JSON type", """{ "techniqueId": "ocean", "cycles": "ten" }""", HttpStatusCode.BadRequest, "cycles = \"ten\": expected a whole number" },
        { "unknown field", """{ "techniqueId": "ocean", "cycle": 3 }""", HttpStatusCode.BadRequest, "cycle" },
        { "JSON that is not an object", "[1, 2]", HttpStatusCode.BadRequest, "must be a JSON object" },
        { "neither pattern source", """{ "cycles": 3 }""", HttpStatusCode.BadRequest, "none was given" },
        { "two pattern sources", """{ "techniqueId": "ocean", "notation": "4-7-8" }""", HttpStatusCode.BadRequest, "2 were given" },
        { "three pattern sources", """{ "techniqueId": "ocean", "notation": "4-7-8", "pattern": {} }""", HttpStatusCode.BadRequest, "3 were given" },
        { "zero cycles", """{ "techniqueId": "ocean", "cycles": 0 }""", HttpStatusCode.BadRequest, "cycles = 0" },
        { "negative cycles", """{ "techniqueId": "ocean", "cycles": -4 }""", HttpStatusCode.BadRequest, "cycles = -4" },
        { "huge cycles", """{ "techniqueId": "ocean", "cycles": 1000000 }""", HttpStatusCode.BadRequest, "cycles = 1000000" },
        { "beyond int cycles", """{ "techniqueId": "ocean", "cycles": 99999999999 }""", HttpStatusCode.BadRequest, "cycles = 99999999999" },
        { "fractional cycles", """{ "techniqueId": "ocean", "cycles": 2.5 }""", HttpStatusCode.BadRequest, "cycles = 2.5: expected a whole number" },
        { "cycles as a string number", """{ "techniqueId": "ocean", "cycles": "3" }""", HttpStatusCode.BadRequest, "cycles = \"3\"" },
        { "minutes NaN", """{ "notation": "4-4", "minutes": "NaN" }""", HttpStatusCode.BadRequest, "minutes = \"NaN\": expected a finite number" },
        { "minutes Infinity", """{ "notation": "4-4", "minutes": "Infinity" }""", HttpStatusCode.BadRequest, "minutes = \"Infinity\"" },
        { "minutes -Infinity", """{ "notation": "4-4", "minutes": "-Infinity" }""", HttpStatusCode.BadRequest, "minutes = \"-Infinity\"" },
        { "minutes beyond double", """{ "notation": "4-4", "minutes": 1e309 }""", HttpStatusCode.BadRequest, "minutes = 1e309: expected a finite number" },
        { "seconds beyond double", """{ "techniqueId": "ocean", "seconds": -1e309 }""", HttpStatusCode.BadRequest, "seconds = -1e309: expected a finite number" },
        { "progress not a boolean", """{ "techniqueId": "three-part", "progress": "yes" }""", HttpStatusCode.BadRequest, "progress = \"yes\": expected true or false" },
        { "techniqueId not a string", """{ "techniqueId": 7 }""", HttpStatusCode.BadRequest, "techniqueId = 7: expected a string" },
        { "pattern not an object", """{ "pattern": [1] }""", HttpStatusCode.BadRequest, "pattern = an array" },
        { "field given twice", """{ "techniqueId": "ocean", "cycles": 3, "Cycles": 4 }""", HttpStatusCode.BadRequest, "cycles is given more than once" },
        { "nesting too deep", "{ \"pattern\": " + new string('[', 40) + new string(']', 40) + " }", HttpStatusCode.BadRequest, "depth" },
        { "cycles and minutes", """{ "techniqueId": "ocean", "cycles": 3, "minutes": 2 }""", HttpStatusCode.BadRequest, "not both" },
        { "zero minutes", """{ "techniqueId": "ocean", "minutes": 0 }""", HttpStatusCode.BadRequest, "minutes = 0" },
        { "huge minutes", """{ "techniqueId": "ocean", "minutes": 100000 }""", HttpStatusCode.BadRequest, "minutes = 100000" },
        { "long unknown technique echoed shortened", "{ \"techniqueId\": \"" + new string('x', 7000) + "\" }", HttpStatusCode.BadRequest, "(7000 characters)" },
        { "seconds below the technique's range", """{ "techniqueId": "three-part", "seconds": 0.5 }""", HttpStatusCode.BadRequest, "startSeconds" },
        { "seconds without a technique", """{ "notation": "4-4", "seconds": 3 }""", HttpStatusCode.BadRequest, "seconds" },
    };

    [Theory]
    [MemberData(nameof(BadSessionRequests))]
    public async Task StartSession_BadRequest_IsProblemDetailsNaming(string scenario, string body, HttpStatusCode status, string mentions)
    {
        var response = await _client.PostAsync("/api/sessions", WebApi.Json(body));

        response.StatusCode.Should().Be(status, scenario);
        var problem = await WebApi.ProblemAsync(response);
        (problem.GetProperty("detail").GetString() + " " + problem.GetRawText()).Should().Contain(mentions, scenario);
    }

    [Fact]
    public async Task StartSession_EmptyBody_IsBadRequest()
    {
        var response = await _client.PostAsync("/api/sessions", new StringContent(string.Empty, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await WebApi.ProblemAsync(response);
    }

    [Fact]
    public async Task StartSession_NotJsonContentType_IsUnsupportedMediaType()
    {
        var response = await _client.PostAsync("/api/sessions", new StringContent("techniqueId=ocean", Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        await WebApi.ProblemAsync(response);
    }

    [Fact]
    public async Task StartSession_BodyOverTheLimit_IsPayloadTooLarge()
    {
        var padding = new string(' ', 40 * 1024);
        var response = await _client.PostAsync("/api/sessions", WebApi.Json($$"""{ "techniqueId": "ocean"{{padding}} }"""));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await WebApi.ProblemAsync(response);
    }

    [Fact]
    public async Task StartSession_ChunkedBodyOverTheLimit_IsPayloadTooLarge()
    {
        var padding = new string(' ', 40 * 1024);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{ "techniqueId": "ocean"{{padding}} }""")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await WebApi.ProblemAsync(response);
    }

    [Theory]
    [InlineData("GET", "/api/sessions/0123456789abcdef0123456789abcdef/events")]
    [InlineData("POST", "/api/sessions/0123456789abcdef0123456789abcdef/pause")]
    [InlineData("POST", "/api/sessions/0123456789abcdef0123456789abcdef/resume")]
    [InlineData("DELETE", "/api/sessions/0123456789abcdef0123456789abcdef")]
    [InlineData("GET", "/api/sessions/%3Cscript%3E/events")]
    [InlineData("GET", "/api/techniques/box-breathing")]
    [InlineData("GET", "/api/no-such-route")]
    public async Task UnknownResource_IsNotFoundProblemDetails(string method, string url)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await WebApi.ProblemAsync(response);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public async Task Events_MalformedLastEventId_IsBadRequest(string lastEventId)
    {
        var session = await WebApi.StartAsync(_client, """{ "techniqueId": "ocean", "cycles": 1 }""");
        var request = new HttpRequestMessage(HttpMethod.Get, session.GetProperty("eventsUrl").GetString());
        request.Headers.Add("Last-Event-ID", lastEventId);

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await WebApi.ProblemAsync(response)).GetRawText().Should().Contain("Last-Event-ID");
    }

    public sealed class Host : IDisposable
    {
        private readonly VirtualTimeWebFactory _factory = new();

        public HttpClient CreateClient() => _factory.CreateClient();

        public void Dispose() => _factory.Dispose();
    }
}
