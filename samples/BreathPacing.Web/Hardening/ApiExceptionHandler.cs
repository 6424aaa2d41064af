using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BreathPacing.Web.Api;
using BreathPacing.Web.Sessions;
using BreathPacing.Web.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace BreathPacing.Web.Hardening;

/// <summary>
/// Turns the exceptions a bad request can raise (malformed JSON or a wrong type in a bound body, a wrong content
/// type, a body too large, an invalid pattern) into 4xx problem details whose detail names the field in the
/// API's own words: never a .NET type or framework hint; a session store that cannot be reached is a 503 with
/// <c>Retry-After</c>. Anything else stays a 500 problem without internals.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => DescribeJson(httpContext, json),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Detail = $"Content-Type: expected application/json; got '{Problems.Echo(httpContext.Request.ContentType ?? "none")}'.",
                Extensions = { ["field"] = "Content-Type" },
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } bad => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Detail = bad.Message.StartsWith("The request body", StringComparison.Ordinal) ? bad.Message : "The request body is larger than this server accepts.",
            },
            BadHttpRequestException bad when httpContext.Request.ContentLength == 0 || bad.Message.Contains("no body was provided", StringComparison.Ordinal) => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body is empty.",
                Detail = "The request body is empty; expected a JSON object.",
                Extensions = { ["field"] = "body" },
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest,
                Detail = "The request could not be read: a route value, query value, header or the body has the wrong form.",
            },
            SessionStoreUnavailableException => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The session store is unavailable.",
                Detail = "Sessions are kept in a store this server cannot reach right now. Try again in a few seconds.",
                Extensions = { [Problems.RetryAfterExtension] = Problems.Seconds(EventStreamResult.UnavailableRetry) },
            },
            BreathValidationException invalid => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The pattern is invalid.",
                Detail = invalid.Message,
                Extensions = { ["field"] = invalid.Field, ["value"] = Problems.Echo(invalid.Value) },
            },
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>
    /// The serializer's messages name .NET types ("could not be converted to System.Int32", "could not be mapped to
    /// any .NET member contained in type …"); say the same in the API's terms: the field, and what it expects.
    /// </summary>
    private static ProblemDetails DescribeJson(HttpContext httpContext, JsonException json)
    {
        var path = json.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        var where = json.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {json.BytePositionInLine + 1})") : string.Empty;
        var problem = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request body is invalid." };

        if (UnknownMember().Match(json.Message) is { Success: true } unknown)
        {
            var name = unknown.Groups["name"].Value;
            problem.Detail = $"Unknown field '{Problems.Echo(name)}'{Known(httpContext)}.";
            problem.Extensions["field"] = Problems.Echo(name);
        }
        else if (path is null && json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            problem.Detail = $"The request body must be a JSON object{Example(httpContext)}{where}.";
            problem.Extensions["field"] = "body";
        }
        else if (path is not null && json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            problem.Detail = $"{Problems.Echo(path)}: expected {Expected(httpContext, path)}{where}.";
            problem.Extensions["field"] = Problems.Echo(path);
        }
        else
        {
            problem.Title = "The request body is not valid JSON.";
            problem.Detail = $"The request body is not valid JSON{where}: {ReaderMessage(json.Message)}";
        }

        return problem;
    }

    private static string Example(HttpContext httpContext) =>
        RequestType(httpContext) is { } type
            ? " with the fields " + string.Join(", ", type.GetProperties().Select(static p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
            : string.Empty;

    private static string Known(HttpContext httpContext) =>
        RequestType(httpContext) is { } type
            ? "; known fields: " + string.Join(", ", type.GetProperties().Select(static p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
            : string.Empty;

    private static string Expected(HttpContext httpContext, string path)
    {
        var name = path.Split('.', '[')[0];
        var property = RequestType(httpContext)?.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            null => "a value of another kind",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type == typeof(JsonElement) => "a JSON value",
            _ => "an object",
        };
    }

    // The exception handler clears the endpoint before it runs; the feature keeps the one that threw.
    private static Type? RequestType(HttpContext httpContext) =>
        (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint())?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    // The reader's own sentence ("'x' is an invalid start of a value.") without its path and position tail.
    private static string ReaderMessage(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        var sentence = end > 0 ? message[..end] : message;
        return TypeName().IsMatch(sentence) ? "it cannot be read." : sentence;
    }

    [GeneratedRegex("^The JSON property '(?<name>.*)' could not be mapped", RegexOptions.Singleline)]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"\.NET|\b(System|Microsoft|BreathPacing)\.[A-Z]")]
    private static partial Regex TypeName();
}
