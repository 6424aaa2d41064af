using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BreathPacing.Web.Tests.Support;

/// <summary>
/// What every error response of the host must look like, whatever layer produced it: application/problem+json
/// with an absolute <c>type</c>, a <c>title</c>, the <c>status</c> of the response and a human <c>detail</c> that
/// names no .NET type and gives no framework hint; the same security headers as a 200; not cacheable; and a
/// <c>Retry-After</c> on 429 and 503.
/// </summary>
public static partial class ProblemShape
{
    public static readonly string[] SecurityHeaders = ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"];

    /// <summary>The ways <paramref name="response"/> (an error) falls short; empty when it has the shape.</summary>
    public static List<string> Faults(HttpResponseMessage response, string body)
    {
        var faults = new List<string>();
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            faults.Add($"Content-Type is '{response.Content.Headers.ContentType}'");
        }

        foreach (var header in SecurityHeaders)
        {
            if (!response.Headers.Contains(header))
            {
                faults.Add($"no {header} header");
            }
        }

        if (response.Headers.CacheControl is not { NoStore: true })
        {
            faults.Add($"Cache-Control is '{response.Headers.CacheControl}', not no-store");
        }

        if (response.Headers.Contains("Server"))
        {
            faults.Add("a Server header is sent");
        }

        if (status is 429 or 503 && response.Headers.RetryAfter?.Delta is not { TotalSeconds: >= 1 })
        {
            faults.Add("no Retry-After (in seconds) on " + status);
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            faults.Add("the body is not JSON: " + Short(body));
            return faults;
        }

        if (problem.ValueKind != JsonValueKind.Object)
        {
            faults.Add("the body is not a JSON object");
            return faults;
        }

        if (!problem.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !Uri.IsWellFormedUriString(type.GetString(), UriKind.Absolute))
        {
            faults.Add("no absolute type");
        }

        if (!problem.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
        {
            faults.Add("no title");
        }

        if (!problem.TryGetProperty("status", out var code) || code.ValueKind != JsonValueKind.Number || code.GetInt32() != status)
        {
            faults.Add($"status is not {status}");
        }

        if (!problem.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(detail.GetString()))
        {
            faults.Add("no detail");
        }
        else if (Internals().Match(detail.GetString()!) is { Success: true } leak)
        {
            faults.Add($"the detail leaks '{leak.Value}': {Short(detail.GetString()!)}");
        }

        return faults;
    }

    /// <summary>Asserts that <paramref name="response"/> is a problem document of the host's shape.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, string? because = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Faults(response, body).Should().BeEmpty($"{(int)response.StatusCode} {because} should be a complete problem document: {Short(body)}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Short(string text) => text.Length > 400 ? text[..400] + "…" : text;

    // A .NET type name (System.Int32, BreathPacing.Web.Api.CreateSessionRequest, Nullable`1) or a framework hint.
    [GeneratedRegex(@"\b(System|Microsoft|BreathPacing)\.[A-Z]\w*|`[1-9]\[|Implicit body inferred|Did you mean|\.NET member|Exception\b")]
    private static partial Regex Internals();
}
