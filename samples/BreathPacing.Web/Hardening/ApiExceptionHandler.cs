using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace BreathPacing.Web.Hardening;

/// <summary>
/// Turns the exceptions a bad request can raise (malformed JSON, a wrong content type, a body too large, an
/// invalid pattern) into 4xx problem details. Anything else stays a 500 problem without internals.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON.", Describe(json)),
            BadHttpRequestException bad => (bad.StatusCode, "The request is invalid.", bad.Message),
            BreathValidationException invalid => (StatusCodes.Status400BadRequest, "The pattern is invalid.", invalid.Message),
            _ => (0, string.Empty, string.Empty),
        };

        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(JsonException json) =>
        json.Path is { Length: > 0 } path ? $"At {path}: {FirstSentence(json.Message)}" : FirstSentence(json.Message);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
