using System.Globalization;
using System.Net;
using System.Text;
using BreathPacing.Web.Tests.Support;
using Xunit.Abstractions;

namespace BreathPacing.Web.Tests.Hostile;

/// <summary>
/// A seeded random walk over the API on real Kestrel: wrong methods, odd paths and ids, headers, content types,
/// and bodies from nearly valid to garbage. Nothing may answer 5xx or hang; every error must be a complete problem
/// document; every answer carries the security headers. Request <c>i</c> is generated from <c>seed + i</c> alone,
/// so a failure names the request that reproduces it. A few thousand requests by default;
/// <c>BREATHPACING_FUZZ_REQUESTS</c> and <c>BREATHPACING_FUZZ_SEED</c> ask for more or another walk.
/// </summary>
public sealed class RandomRequestFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Methods = ["GET", "GET", "GET", "POST", "POST", "POST", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS"];
    private static readonly string[] Fields = ["techniqueId", "notation", "pattern", "cycles", "minutes", "seconds", "progress", "Cycles", "name", "colour", "", "__proto__"];
    private static readonly string[] Techniques = ["ocean", "oceans-breath", "three-part", "three-part-breath", "UJJAYI", "box", "", " ", "../guide"];
    private static readonly string[] Nasty =
    [
        "\u0000", "\u202E", "\u200B", "\u200D", "\uFEFF", "\u0007", "\uD800", "<script>alert(1)</script>", "%00", "%2F..%2F", "../", "\"", "\\", "'", "{{", "${x}",
        "𝔟𝔯𝔢𝔞𝔱𝔥", "ﷺ", "\u0301\u0301\u0301", "Ω", "١٢٣",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/json; charset=utf-8", "application/merge-patch+json",
        "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx",
    ];

    [Fact]
    public async Task RandomRequests_NeverFail_AndEveryErrorIsAProblemDocument()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("BREATHPACING_FUZZ_REQUESTS"), CultureInfo.InvariantCulture, out var n) ? n : 2500;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("BREATHPACING_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20260101;
        using var host = new KestrelWebHost(KestrelWebHost.Generous);
        using var http = host.ClientFrom(timeout: TimeSpan.FromSeconds(20));
        var sessions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add((await WebApi.StartAsync(http, """{ "notation": "4-4", "cycles": 100 }""")).GetProperty("id").GetString()!);
        }

        host.AdvanceBy(1);
        var statuses = new Dictionary<int, int>();
        var faults = new List<string>();
        using var gate = new SemaphoreSlim(8);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var request = Generate(new Random(seed + i), sessions);
                var fault = await SendAsync(http, request, statuses);
                if (fault is not null)
                {
                    lock (faults)
                    {
                        faults.Add($"#{i} (seed {seed + i}) {request}: {fault}");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);

        output.WriteLine($"{count} requests from seed {seed}: " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key} × {p.Value}"))
            + $"; {Volatile.Read(ref _retries)} sent again after a closed connection");
        faults.Should().BeEmpty($"no request may fail the server or get a malformed error; first faults:\n{string.Join("\n", faults.Take(15))}");
        statuses.Keys.Should().Contain([200, 201, 400, 404, 405], "the walk reaches the API's answers, not only its front door");
    }

    private static int _retries;

    private static async Task<string?> SendAsync(HttpClient http, FuzzRequest fuzz, Dictionary<int, int> statuses, bool retry = true)
    {
        // As sent: no dot-segment removal or unescaping on the client's side.
        var target = new Uri(http.BaseAddress!.GetLeftPart(UriPartial.Authority) + fuzz.Path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), target);
        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
            }
        }

        if (fuzz.LastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", fuzz.LastEventId);
        }

        if (fuzz.Accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", fuzz.Accept);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (HttpRequestException) when (retry)
        {
            // A pooled connection the server had just closed (it closes after refusing an unread body); once more.
            Interlocked.Increment(ref _retries);
            return await SendAsync(http, fuzz, statuses, retry: false);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return "no answer: " + error.Message;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            lock (statuses)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }

            if (status >= 500)
            {
                return $"{status}: {await BodyAsync(response)}";
            }

            if (status == 400 && fuzz.Path.Contains("%00", StringComparison.Ordinal) && response.Content.Headers.ContentLength == 0)
            {
                return null; // Kestrel's own answer to an encoded NUL in the path, before the app runs (see BadInputMatrixTests)
            }

            if (status >= 400)
            {
                var body = await BodyAsync(response);
                var faults = fuzz.Method == "HEAD" ? HeadFaults(response) : ProblemShape.Faults(response, body);
                return faults.Count == 0 ? null : $"{status} {string.Join("; ", faults)}";
            }

            if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
            {
                return null; // a live stream: its headers are all there is to check; disposing disconnects
            }

            var missing = ProblemShape.SecurityHeaders.Where(h => !response.Headers.Contains(h)).ToList();
            return missing.Count == 0 && !response.Headers.Contains("Server") ? null : $"{status} without {string.Join(", ", missing)} or with a Server header";
        }
    }

    private static List<string> HeadFaults(HttpResponseMessage response) =>
        ProblemShape.SecurityHeaders.Where(h => !response.Headers.Contains(h)).Select(h => "no " + h).ToList();

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await response.Content.ReadAsStringAsync(timeout.Token);
    }

    private static FuzzRequest Generate(Random random, List<string> sessions)
    {
        var (path, intended) = Path(random, sessions);
        var method = random.Next(4) == 0 ? Pick(random, Methods) : intended;
        if (random.Next(8) == 0)
        {
            path += "?" + Uri.EscapeDataString(Text(random, 30)) + "=" + Uri.EscapeDataString(Text(random, 30));
        }

        byte[]? body = null;
        string? contentType = null;
        if (method is "POST" or "PUT" or "PATCH" || random.Next(10) == 0)
        {
            contentType = random.Next(12) == 0 ? null : Pick(random, ContentTypes);
            body = random.Next(12) switch
            {
                0 => RandomBytes(random),
                1 => Encoding.UTF8.GetBytes(Truncate(random, SessionBody(random))),
                2 => Encoding.UTF8.GetBytes(random.Next(4) == 0 ? new string('[', random.Next(20, 200)) : "{ \"notation\": " + Json(random, 0) + " }"),
                3 when random.Next(6) == 0 => Encoding.UTF8.GetBytes("{ \"notation\": \"4-4\"" + new string(' ', 40 * 1024) + "}"),
                4 or 5 => Encoding.UTF8.GetBytes("{ \"notation\": " + Quote(Notation(random)) + " }"),
                6 or 7 or 8 => Encoding.UTF8.GetBytes(NearlyValidBody(random)),
                _ => Encoding.UTF8.GetBytes(SessionBody(random)),
            };
        }

        var lastEventId = random.Next(6) == 0
            ? Pick(random, ["0", "1", "3", "-1", "1.5", "abc", "99999999999999999999", "9223372036854775807", " 2", "", "0x10", "1e3"])
            : null;
        var accept = random.Next(5) == 0 ? Pick(random, ["text/html", "text/event-stream", "application/xml", "*/*", "image/png"]) : null;
        return new FuzzRequest(method, path, contentType, body, lastEventId, accept);
    }

    /// <summary>A path, and the method it is meant for (the caller sometimes sends another).</summary>
    private static (string Path, string Method) Path(Random random, List<string> sessions)
    {
        var id = random.Next(6) switch
        {
            0 or 1 or 2 => Pick(random, sessions),
            3 => Convert.ToHexStringLower(RandomNumberGenerator(random, 16)),
            4 => Uri.EscapeDataString(Text(random, random.Next(6) == 0 ? 3000 : 40)),
            _ => Pick(random, ["..", "%2E%2E", "%252F", "a%2Fb", "%C0%AE", "~", "%E2%80%AE", "%F0%9F%98%80", "%00"]),
        };
        return random.Next(16) switch
        {
            0 or 1 or 2 or 3 or 4 => ("/api/sessions", "POST"),
            5 => ($"/api/sessions/{id}", "DELETE"),
            6 or 7 => ($"/api/sessions/{id}/events", random.Next(5) == 0 ? "HEAD" : "GET"),
            8 => ($"/api/sessions/{id}/pause", "POST"),
            9 => ($"/api/sessions/{id}/resume", "POST"),
            10 => ("/api/techniques/" + Uri.EscapeDataString(Pick(random, Techniques)), "GET"),
            11 => (Pick(random, ["/api/techniques", "/api/guide", "/healthz", "/openapi/v1.json", "/", "/index.html"]), random.Next(5) == 0 ? "HEAD" : "GET"),
            12 or 13 => ("/api/patterns/parse", "POST"),
            14 => ("/api/" + Uri.EscapeDataString(Text(random, 20)), "GET"),
            _ => ("/" + Uri.EscapeDataString(Text(random, 20)) + "/" + id, Pick(random, Methods)),
        };
    }

    /// <summary>One pattern source and a length, mostly as the page sends them, so the walk gets past the reader.</summary>
    private static string NearlyValidBody(Random random)
    {
        var source = random.Next(3) switch
        {
            0 => $"\"techniqueId\": {Quote(Pick(random, Techniques))}"
                + (random.Next(2) == 0 ? $", \"seconds\": {Pick(random, ["1", "2", "4.5", "10", "20", "21", "0.9", "1e-3"])}" : string.Empty)
                + (random.Next(3) == 0 ? $", \"progress\": {Pick(random, ["true", "false"])}" : string.Empty),
            1 => $"\"notation\": {Quote(random.Next(3) == 0 ? Notation(random) : Pick(random, ["4-7-8", "3x 4-0-6-0", "in 4 hold 7 out 8", "1-1", "600-600", "0.01-0.01", "4-4-4-4", "10x 2-2"]))}",
            _ => $"\"pattern\": {Pattern(random)}",
        };
        var length = random.Next(4) switch
        {
            0 => string.Empty,
            1 => $", \"cycles\": {Pick(random, ["1", "3", "10", "100", "5000"])}",
            2 => $", \"minutes\": {Pick(random, ["0.5", "1", "5", "60", "120", "121"])}",
            _ => $", \"cycles\": {random.Next(-2, 50)}",
        };
        return "{ " + source + length + " }";
    }

    private static string SessionBody(Random random)
    {
        var parts = new List<string>();
        var fields = random.Next(4);
        for (var i = 0; i < fields; i++)
        {
            var field = Pick(random, Fields);
            var value = field switch
            {
                "techniqueId" when random.Next(2) == 0 => Quote(Pick(random, Techniques)),
                "notation" when random.Next(2) == 0 => Quote(Notation(random)),
                "pattern" when random.Next(2) == 0 => Pattern(random),
                "cycles" when random.Next(2) == 0 => Pick(random, ["1", "3", "0", "-1", "1000000", "99999999999", "2.5", "1e3", "\"3\"", "1e309"]),
                "minutes" or "seconds" when random.Next(2) == 0 => Number(random),
                "progress" when random.Next(2) == 0 => Pick(random, ["true", "false", "\"yes\"", "1", "null"]),
                _ => Json(random, 0),
            };
            parts.Add($"{Quote(field)}: {value}");
        }

        return "{ " + string.Join(", ", parts) + " }";
    }

    private static string Pattern(Random random)
    {
        var phases = Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
            $$"""{ "kind": {{Quote(Pick(random, ["inhale", "exhale", "inhale", "exhale", "holdAfterInhale", "holdAfterExhale", "hold", ""]))}}, "duration": {{(random.Next(2) == 0 ? Pick(random, ["1", "2", "4", "6"]) : Number(random))}}{{(random.Next(4) == 0 ? ", \"segments\": " + Json(random, 1) : string.Empty)}} }""");
        var version = Pick(random, ["1", "1", "1", "2", "0", "\"1\"", "1e309"]);
        var name = random.Next(3) == 0 ? Pick(random, ["calm", "   ", "", "\u0000", "a\u202Eb", "\u200B", "<b>hi</b>"]) : Text(random, random.Next(5) == 0 ? 300 : 20);
        return $$"""{ "version": {{version}}, "name": {{Quote(name)}}, "phases": [ {{string.Join(", ", phases)}} ] }""";
    }

    private static string Notation(Random random)
    {
        const string alphabet = "0123456789-x. :in hold out";
        var length = random.Next(6) == 0 ? random.Next(400, 700) : random.Next(0, 16);
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    private static string Number(Random random) =>
        Pick(random, ["4", "0.5", "0", "-4", "1e309", "-1e309", "1e-320", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "600", "601", "86400", "0.001", "4.0000000001", "\"4\"", "null", "[]"]);

    private static string Json(Random random, int depth) => (depth > 3 ? random.Next(5) : random.Next(8)) switch
    {
        0 => "null",
        1 => Pick(random, ["true", "false"]),
        2 => Number(random),
        3 or 4 => Quote(Text(random, 40)),
        5 => "[" + string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Json(random, depth + 1))) + "]",
        _ => "{" + string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Quote(Pick(random, Fields)) + ": " + Json(random, depth + 1))) + "}",
    };

    private static string Text(Random random, int maxLength)
    {
        var builder = new StringBuilder();
        var length = random.Next(maxLength + 1);
        while (builder.Length < length)
        {
            builder.Append(random.Next(4) == 0 ? Pick(random, Nasty) : ((char)random.Next(32, 127)).ToString());
        }

        return builder.ToString();
    }

    // A JSON string literal, with the text's control characters and lone surrogates escaped as JSON allows.
    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < ' ' || char.IsSurrogate(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static string Truncate(Random random, string text) => text.Length < 2 ? text : text[..random.Next(1, text.Length)];

    private static byte[] RandomBytes(Random random) => RandomNumberGenerator(random, random.Next(1, 200));

    private static byte[] RandomNumberGenerator(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private sealed record FuzzRequest(string Method, string Path, string? ContentType, byte[]? Body, string? LastEventId, string? Accept)
    {
        public override string ToString()
        {
            var body = Body is null ? string.Empty : " " + Encoding.UTF8.GetString(Body);
            var shown = $"{Method} {Path}{(ContentType is null ? string.Empty : " [" + ContentType + "]")}{(LastEventId is null ? string.Empty : " Last-Event-ID: " + LastEventId)}{body}";
            return shown.Length > 300 ? shown[..300] + "…" : shown;
        }
    }
}
