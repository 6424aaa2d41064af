using System.Net;
using System.Net.Sockets;
using System.Text;
using BreathPacing.Web.Tests.Support;

namespace BreathPacing.Web.Tests.Hostile;

/// <summary>
/// Every kind of bad request the issue found, against real Kestrel, each from the layer that refuses it
/// (routing, the body limits, the request reader, the exception handler, the endpoints): each answer must be a
/// complete problem document (<see cref="ProblemShape"/>) with the status expected and a detail naming the field.
/// </summary>
public sealed class BadInputMatrixTests(BadInputMatrixTests.Host host) : IClassFixture<BadInputMatrixTests.Host>
{
    private const string Sessions = "/api/sessions";
    private const string Parse = "/api/patterns/parse";
    private const string Unknown = "/api/sessions/0123456789abcdef0123456789abcdef";

    public static TheoryData<string, string, string, string?, string?, HttpStatusCode, string> Matrix => new()
    {
        // name, method, path, content type, body, status, the detail mentions
        { "malformed JSON", "POST", Sessions, "application/json", "{", HttpStatusCode.BadRequest, "not valid JSON" },
        { "empty body", "POST", Sessions, "application/json", "", HttpStatusCode.BadRequest, "empty" },
        { "an array, not an object", "POST", Sessions, "application/json", "[1, 2]", HttpStatusCode.BadRequest, "JSON object" },
        { "text/plain", "POST", Sessions, "text/plain", """{ "techniqueId": "ocean" }""", HttpStatusCode.UnsupportedMediaType, "Content-Type" },
        { "no content type", "POST", Sessions, null, """{ "techniqueId": "ocean" }""", HttpStatusCode.UnsupportedMediaType, "Content-Type" },
        { "body over the limit", "POST", Sessions, "application/json", "{ \"techniqueId\": \"ocean\"" + new string(' ', 40 * 1024) + "}", HttpStatusCode.RequestEntityTooLarge, "at most 32768" },
        { "minutes NaN", "POST", Sessions, "application/json", """{ "notation": "4-4", "minutes": "NaN" }""", HttpStatusCode.BadRequest, "minutes" },
        { "minutes Infinity", "POST", Sessions, "application/json", """{ "notation": "4-4", "minutes": "Infinity" }""", HttpStatusCode.BadRequest, "minutes" },
        { "minutes -Infinity", "POST", Sessions, "application/json", """{ "notation": "4-4", "minutes": "-Infinity" }""", HttpStatusCode.BadRequest, "minutes" },
        { "minutes 1e309", "POST", Sessions, "application/json", """{ "notation": "4-4", "minutes": 1e309 }""", HttpStatusCode.BadRequest, "minutes = 1e309" },
        { "seconds NaN", "POST", Sessions, "application/json", """{ "techniqueId": "ocean", "seconds": "NaN" }""", HttpStatusCode.BadRequest, "seconds" },
        { "cycles 1e309", "POST", Sessions, "application/json", """{ "notation": "4-4", "cycles": 1e309 }""", HttpStatusCode.BadRequest, "cycles = 1e309" },
        { "unknown field", "POST", Sessions, "application/json", """{ "notation": "4-4", "colour": "red" }""", HttpStatusCode.BadRequest, "colour" },
        { "nesting too deep", "POST", Sessions, "application/json", "{ \"pattern\": " + new string('[', 100) + new string(']', 100) + " }", HttpStatusCode.BadRequest, "depth" },
        { "parse: malformed JSON", "POST", Parse, "application/json", "{", HttpStatusCode.BadRequest, "not valid JSON" },
        { "parse: empty body", "POST", Parse, "application/json", "", HttpStatusCode.BadRequest, "empty" },
        { "parse: wrong type", "POST", Parse, "application/json", """{ "notation": 478 }""", HttpStatusCode.BadRequest, "notation: expected a string" },
        { "parse: unknown field", "POST", Parse, "application/json", """{ "notation": "4-4", "name": "x" }""", HttpStatusCode.BadRequest, "Unknown field 'name'" },
        { "parse: text/plain", "POST", Parse, "text/plain", "4-4", HttpStatusCode.UnsupportedMediaType, "Content-Type" },
        { "parse: body over the limit", "POST", Parse, "application/json", "{ \"notation\": \"4-4\"" + new string(' ', 40 * 1024) + "}", HttpStatusCode.RequestEntityTooLarge, "at most 32768" },
        { "no such route", "GET", "/api/no-such-route", null, null, HttpStatusCode.NotFound, "/api/no-such-route" },
        { "no such page", "GET", "/no-such-page", null, null, HttpStatusCode.NotFound, "/no-such-page" },
        { "unknown session", "GET", Unknown + "/events", null, null, HttpStatusCode.NotFound, "0123456789abcdef" },
        { "unknown session pause", "POST", Unknown + "/pause", null, null, HttpStatusCode.NotFound, "0123456789abcdef" },
        { "unknown session stop", "DELETE", Unknown, null, null, HttpStatusCode.NotFound, "0123456789abcdef" },
        { "unknown technique", "GET", "/api/techniques/%3Cscript%3E", null, null, HttpStatusCode.NotFound, "<script>" },
        { "long id, echoed shortened", "GET", "/api/sessions/" + new string('a', 1500) + "/events", null, null, HttpStatusCode.NotFound, "(1500 characters)" },
        { "request target too long", "GET", "/api/sessions/" + new string('a', 7000) + "/events", null, null, HttpStatusCode.RequestUriTooLong, "at most 2048" },
        { "PUT on sessions", "PUT", Sessions, "application/json", "{}", HttpStatusCode.MethodNotAllowed, "allowed: POST" },
        { "DELETE on techniques", "DELETE", "/api/techniques", null, null, HttpStatusCode.MethodNotAllowed, "allowed: GET, HEAD" },
        { "OPTIONS on sessions", "OPTIONS", Sessions, null, null, HttpStatusCode.MethodNotAllowed, "OPTIONS is not allowed" },
        { "POST on healthz", "POST", "/healthz", null, null, HttpStatusCode.MethodNotAllowed, "allowed: GET, HEAD" },
        { "GET on pause", "GET", Unknown + "/pause", null, null, HttpStatusCode.MethodNotAllowed, "allowed: POST" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task BadRequest_IsACompleteProblemDocument(string name, string method, string path, string? contentType, string? body, HttpStatusCode status, string mentions)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = contentType is null ? null : new(contentType);
        }

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(status, name);
        var problem = await ProblemShape.AssertAsync(response, name);
        problem.GetProperty("detail").GetString().Should().Contain(mentions, name);
    }

    /// <summary>
    /// Names that could spoof text around them or vanish on screen are refused by the library's pattern
    /// validation; the host maps its error to a 400 naming the field. A blank name is refused today; the NUL, bidi
    /// override and zero-width cases depend on the library's user-text rules.
    /// </summary>
    [Theory]
    [InlineData("blank", "   ")]
    [InlineData("NUL", @"calm\u0000breath")]
    [InlineData("right-to-left override", @"calm\u202Ebreath")]
    [InlineData("zero-width only", @"\u200B\u200B\u200B")]
    [InlineData("zero-width joiner only", @"\u200D")]
    public async Task PatternName_ThatCanSpoofOrVanish_Is400NamingTheName(string scenario, string jsonEscapedName)
    {
        var body = $$"""{ "pattern": { "version": 1, "name": "{{jsonEscapedName}}", "phases": [ { "kind": "inhale", "duration": 4 }, { "kind": "exhale", "duration": 4 } ] }, "cycles": 2 }""";

        using var response = await host.Client.PostAsync(Sessions, WebApi.Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, scenario);
        var problem = await ProblemShape.AssertAsync(response, scenario);
        problem.GetProperty("field").GetString().Should().Contain("name", scenario);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Is413ProblemDocument()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{ \"techniqueId\": \"ocean\"" + new string(' ', 40 * 1024) + "}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Sessions) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await ProblemShape.AssertAsync(response, "chunked 413");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999999")]
    [InlineData("999")]
    public async Task Events_BadLastEventId_IsAProblemDocumentNamingTheHeader(string lastEventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, host.EventsUrl);
        request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemShape.AssertAsync(response)).GetProperty("field").GetString().Should().Be("Last-Event-ID");
    }

    [Theory]
    [InlineData("/api/techniques")]
    [InlineData("/api/guide")]
    [InlineData("/api/techniques/ocean")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    public async Task Head_OnGetRoutes_AnswersLikeGetWithoutABody(string path)
    {
        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        using var get = await host.Client.GetAsync(path);

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Content.Headers.ContentType?.MediaType.Should().Be(get.Content.Headers.ContentType?.MediaType);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/api/techniques")]
    [InlineData("/api/guide")]
    public async Task JsonResponses_CarryTheSecurityHeaders_NoStore_AndNoServerHeader(string path)
    {
        using var response = await host.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var header in ProblemShape.SecurityHeaders)
        {
            response.Headers.Contains(header).Should().BeTrue(header);
        }

        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.Contains("Server").Should().BeFalse();
    }

    /// <summary>
    /// Kestrel refuses a path with an encoded NUL while parsing the request line, before any of the app runs, so
    /// this answer is Kestrel's own (400, empty body, connection closed); the app cannot shape it. A NUL in the
    /// query does reach the app, and is harmless there.
    /// </summary>
    [Fact]
    public async Task EncodedNulInThePath_IsRefusedByKestrelBeforeTheApp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(host.Kestrel.BaseAddress.Host, host.Kestrel.BaseAddress.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /api/techniques/a%00b HTTP/1.1\r\nHost: {host.Kestrel.BaseAddress.Authority}\r\n\r\n"));
        var buffer = new byte[4096];
        var read = await socket.ReceiveAsync(buffer);

        Encoding.ASCII.GetString(buffer, 0, read).Should().StartWith("HTTP/1.1 400");
        (await host.Client.GetAsync("/api/techniques?x=%00")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public sealed class Host : IAsyncLifetime, IDisposable
    {
        public KestrelWebHost Kestrel { get; } = new(KestrelWebHost.Generous);

        public HttpClient Client { get; private set; } = null!;

        public string EventsUrl { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Client = Kestrel.ClientFrom();
            EventsUrl = (await WebApi.StartAsync(Client, """{ "notation": "4-4", "cycles": 10 }""")).GetProperty("eventsUrl").GetString()!;
            Kestrel.AdvanceBy(0.5);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose()
        {
            Client?.Dispose();
            Kestrel.Dispose();
        }
    }
}
