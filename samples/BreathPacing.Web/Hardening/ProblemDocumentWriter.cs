using System.Diagnostics;
using System.Globalization;
using BreathPacing.Web.Api;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BreathPacing.Web.Hardening;

/// <summary>
/// Writes every problem of the host, from any layer (endpoints, routing's 404 and 405 through the status-code
/// pages, the exception handler, the rate limiter), as <c>application/problem+json</c> whatever the client
/// accepts, completed so that each has a <c>type</c>, a <c>title</c>, the <c>status</c> and a human <c>detail</c>;
/// extension values are made serialisable (no non-finite numbers) and shortened; a retry delay is also sent as
/// <c>Retry-After</c>. Registered ahead of ASP.NET Core's default writer.
/// </summary>
public sealed class ProblemDocumentWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    /// <summary>The problem's media type.</summary>
    public const string MediaType = "application/problem+json";

    /// <inheritdoc />
    public bool CanWrite(ProblemDetailsContext context) => true;

    /// <inheritdoc />
    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? (http.Response.StatusCode >= 400 ? http.Response.StatusCode : StatusCodes.Status500InternalServerError);
        problem.Status = status;
        http.Response.StatusCode = status;
        problem.Type ??= TypeOf(status);
        problem.Title ??= TitleOf(status);
        problem.Detail ??= DetailOf(http, status);
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        Sanitise(problem);

        var retryAfter = problem.Extensions.TryGetValue(Problems.RetryAfterExtension, out var seconds) && seconds is int s ? s : (int?)null;
        if (retryAfter is null && status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            retryAfter = 1;
            problem.Extensions[Problems.RetryAfterExtension] = 1;
        }

        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        }

        http.Response.Headers.CacheControl = "no-store";
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, json.Value.SerializerOptions, MediaType, http.RequestAborted));
    }

    /// <summary>The problem type for a status: the section of the RFC that defines it.</summary>
    /// <param name="status">The status code.</param>
    /// <returns>Its type URI.</returns>
    public static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        414 => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        431 => "https://tools.ietf.org/html/rfc6585#section-5",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        >= 400 and < 500 => "https://tools.ietf.org/html/rfc9110#section-15.5",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6",
    };

    private static string TitleOf(int status) => status switch
    {
        404 => "Not found.",
        405 => "Method not allowed.",
        413 => "The request body is too large.",
        414 => "The request target is too long.",
        415 => "Unsupported content type.",
        429 => "Too many requests.",
        431 => "The request headers are too large.",
        503 => "The server is busy.",
        >= 500 => "The server failed to answer.",
        _ => "The request is invalid.",
    };

    private static string DetailOf(HttpContext http, int status)
    {
        var request = http.Request;
        var target = Problems.Echo(request.Path.Value);
        return status switch
        {
            404 => $"Nothing at '{target}'. The API is under /api (GET /api/techniques, POST /api/sessions); the page is at /.",
            405 => $"{Problems.Echo(request.Method)} is not allowed on '{target}'; allowed: {(http.Response.Headers.Allow.Count > 0 ? http.Response.Headers.Allow.ToString() : "none")}.",
            413 => "The request body is larger than this server accepts.",
            415 => $"Content-Type: expected application/json; got '{Problems.Echo(request.ContentType ?? "none")}'.",
            429 => "This client has made too many requests. Wait for the time in Retry-After.",
            503 => "The server is busy. Wait for the time in Retry-After.",
            >= 500 => "The server failed while answering. The error is logged under this problem's traceId.",
            _ => $"The request to '{target}' could not be read.",
        };
    }

    // Details and extensions are the app's own, but may carry a client's input (a library message quoting it, an
    // echoed value): keep them serialisable (no non-finite numbers, no unpaired surrogates) and short.
    private static void Sanitise(ProblemDetails problem)
    {
        problem.Title = Text(problem.Title, 200);
        problem.Detail = Text(problem.Detail, 1000);
        foreach (var (key, value) in problem.Extensions.ToList())
        {
            problem.Extensions[key] = value switch
            {
                double d when !double.IsFinite(d) => Problems.Echo(d),
                float f when !float.IsFinite(f) => Problems.Echo(f),
                string text => Text(text, 200),
                _ => value,
            };
        }
    }

    private static string? Text(string? text, int maximum)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > maximum)
        {
            text = text[..maximum] + "…";
        }

        // Only unpaired surrogates need replacing; most text has none, so look before copying.
        var unpaired = false;
        for (var i = 0; i < text.Length && !unpaired; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else
            {
                unpaired = char.IsSurrogate(text[i]);
            }
        }

        if (!unpaired)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
