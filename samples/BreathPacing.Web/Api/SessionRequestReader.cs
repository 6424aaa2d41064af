using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BreathPacing.Web.Api;

/// <summary>
/// Reads a <see cref="CreateSessionRequest"/> strictly: a JSON object whose fields each have the right JSON kind
/// (numbers as numbers, finite; whole numbers for <c>cycles</c>), no unknown or repeated fields. Every refusal is a
/// 4xx problem naming the field and echoing the value as sent, shortened.
/// </summary>
public static class SessionRequestReader
{
    private const int MaximumDepth = 32;

    private static readonly string[] Fields = ["techniqueId", "notation", "pattern", "cycles", "minutes", "seconds", "progress", "options"];

    /// <summary>Reads the request body.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <returns>The request, or the problem with it.</returns>
    /// <exception cref="BadHttpRequestException">The body is larger than the server accepts (413).</exception>
    public static async Task<(CreateSessionRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem($"Content-Type: expected application/json; got '{Problems.Echo(request.ContentType ?? "none")}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, extensions: new Dictionary<string, object?> { ["field"] = "Content-Type" }));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = MaximumDepth }, request.HttpContext.RequestAborted);
        }
        catch (JsonException error)
        {
            return (null, NotJson(error));
        }

        using (document)
        {
            if (UnreadableText(document.RootElement, "$") is { } where)
            {
                var field = where.StartsWith("$.", StringComparison.Ordinal) ? where[2..] : "body";
                return (null, Problems.InvalidField(Problems.Echo(field), null,
                    $"{Problems.Echo(where)}: the text is not valid Unicode (an unpaired surrogate escape such as \\uD800)."));
            }

            return Read(document.RootElement);
        }
    }

    /// <summary>Reads a request from its JSON.</summary>
    /// <param name="root">The JSON.</param>
    /// <returns>The request, or the problem with it.</returns>
    public static (CreateSessionRequest? Request, ProblemHttpResult? Problem) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, Problems.InvalidField("body", null, $"The request body must be a JSON object such as {{ \"techniqueId\": \"ocean\", \"cycles\": 5 }}; got {Kind(root)}."));
        }

        string? techniqueId = null, notation = null;
        JsonElement? pattern = null;
        int? cycles = null;
        double? minutes = null, seconds = null;
        bool? progress = null;
        JsonElement? options = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var name = Array.Find(Fields, f => string.Equals(f, property.Name, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                return (null, Problems.InvalidField(Problems.Echo(property.Name), null,
                    $"Unknown field '{Problems.Echo(property.Name)}'; known fields: {string.Join(", ", Fields)}."));
            }

            if (!seen.Add(name))
            {
                return (null, Problems.InvalidField(name, null, $"{name} is given more than once."));
            }

            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            ProblemHttpResult? problem = null;
            switch (name)
            {
                case "techniqueId":
                    problem = ReadString(name, value, out techniqueId);
                    break;
                case "notation":
                    problem = ReadString(name, value, out notation);
                    break;
                case "pattern":
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        problem = Wrong(name, value, "a pattern object in the library's JSON format");
                    }
                    else
                    {
                        pattern = value.Clone();
                    }

                    break;
                case "cycles":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var whole))
                    {
                        problem = Wrong(name, value, "a whole number of cycles, e.g. 10");
                    }
                    else
                    {
                        cycles = whole;
                    }

                    break;
                case "minutes":
                    problem = ReadNumber(name, value, "a number of minutes, e.g. 5 or 2.5", out minutes);
                    break;
                case "seconds":
                    problem = ReadNumber(name, value, "a number of seconds per breath, e.g. 4", out seconds);
                    break;
                case "options":
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        problem = Wrong(name, value, "an object of the technique's options, e.g. { \"startSeconds\": 5, \"exhaleRatio\": 2 }");
                    }
                    else
                    {
                        options = value.Clone();
                    }

                    break;
                case "progress":
                    if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        problem = Wrong(name, value, "true or false");
                    }
                    else
                    {
                        progress = value.GetBoolean();
                    }

                    break;
            }

            if (problem is not null)
            {
                return (null, problem);
            }
        }

        return (new CreateSessionRequest(techniqueId, notation, pattern, cycles, minutes, progress, seconds, options), null);
    }

    /// <summary>The JSON path of the first string or property name that is not valid UTF-16 (an escaped lone surrogate), if any.</summary>
    private static string? UnreadableText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(element.GetString) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (UnreadableText(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path;
                    }

                    if (UnreadableText(property.Value, $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // System.Text.Json refuses to decode an unpaired surrogate
        }
    }

    private static ProblemHttpResult? ReadString(string name, JsonElement value, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text is null ? Wrong(name, value, "a string") : null;
    }

    private static ProblemHttpResult? ReadNumber(string name, JsonElement value, string expected, out double? number)
    {
        number = null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var d) || !double.IsFinite(d))
        {
            return Wrong(name, value, $"a finite {expected[2..]}");
        }

        number = d;
        return null;
    }

    private static ProblemHttpResult Wrong(string name, JsonElement value, string expected)
    {
        var raw = value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? Kind(value) : value.GetRawText();
        return Problems.InvalidField(name, raw, $"{name} = {Problems.Echo(raw)}: expected {expected}.");
    }

    /// <summary>What kind of JSON value <paramref name="value"/> is, in words for an error ("an object", "a number"…).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The words.</returns>
    internal static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    private static ProblemHttpResult NotJson(JsonException error)
    {
        var where = error.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {error.BytePositionInLine + 1})") : string.Empty;
        var end = error.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var sentence = end > 0 ? error.Message[..end].TrimEnd() : error.Message;
        if (error.LineNumber == 0 && error.BytePositionInLine == 0 && sentence.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return Problems.InvalidField("body", null, "The request body is empty; expected a JSON object such as { \"techniqueId\": \"ocean\", \"cycles\": 5 }.");
        }

        return TypedResults.Problem($"The request body is not valid JSON{where}: {sentence}", statusCode: StatusCodes.Status400BadRequest,
            title: "The request body is not valid JSON.", extensions: new Dictionary<string, object?> { ["field"] = "body" });
    }
}
