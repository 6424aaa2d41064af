using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BreathPacing.Web.Api;

/// <summary>
/// RFC 9457 problem details for the API's errors. Every detail names the field; a value from the request is echoed
/// through <see cref="Echo(string?)"/> (at most <see cref="MaximumEchoLength"/> characters, control and format
/// characters shown as U+FFFD), never whole.
/// </summary>
public static class Problems
{
    /// <summary>The most characters of a client's value a problem repeats back.</summary>
    public const int MaximumEchoLength = 64;

    /// <summary>The extension that carries a retry delay; the problem writer also sends it as <c>Retry-After</c>.</summary>
    public const string RetryAfterExtension = "retryAfterSeconds";

    /// <summary>A client's text, safe to repeat: shortened to <see cref="MaximumEchoLength"/> characters, invisible characters made visible.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The text to show.</returns>
    public static string Echo(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var shown = value.Length > MaximumEchoLength ? value[..MaximumEchoLength] : value;
        var builder = new StringBuilder(shown.Length + 40);
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            if (char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1]))
            {
                builder.Append(c).Append(shown[++i]); // a character beyond the BMP, e.g. an emoji
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            builder.Append(category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate ? '\uFFFD' : c);
        }

        if (value.Length > MaximumEchoLength)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)");
        }

        return builder.ToString();
    }

    /// <summary>A number from a client, safe to repeat and to serialise (non-finite values as text).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text to show.</returns>
    public static string Echo(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>400: the request is invalid.</summary>
    /// <param name="detail">What is wrong, naming the field and value.</param>
    /// <param name="extensions">Machine-readable details, e.g. the field or the position.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.", extensions: extensions);

    /// <summary>400 naming a field (and, if given, the value as sent).</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value as sent (echoed truncated), or <see langword="null"/>.</param>
    /// <param name="detail">What is wrong.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult InvalidField(string field, string? value, string detail)
    {
        var extensions = new Dictionary<string, object?> { ["field"] = field };
        if (value is not null)
        {
            extensions["value"] = Echo(value);
        }

        return BadRequest(detail, extensions);
    }

    /// <summary>400 for an invalid pattern or length.</summary>
    /// <param name="error">The library's validation error.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult InvalidPattern(BreathValidationException error) =>
        TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest, title: "The pattern is invalid.",
            extensions: new Dictionary<string, object?> { ["field"] = error.Field, ["value"] = Echo(error.Value) });

    /// <summary>404: no such session.</summary>
    /// <param name="id">The id asked for.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult UnknownSession(string id) =>
        TypedResults.Problem($"No session '{Echo(id)}': it never existed, was stopped, or expired.", statusCode: StatusCodes.Status404NotFound, title: "Unknown session.",
            extensions: new Dictionary<string, object?> { ["field"] = "id" });

    /// <summary>404: no such technique.</summary>
    /// <param name="id">The id or alias asked for.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult UnknownTechnique(string id) =>
        TypedResults.Problem($"No technique with id or alias '{Echo(id)}'. GET /api/techniques lists them.", statusCode: StatusCodes.Status404NotFound, title: "Unknown technique.",
            extensions: new Dictionary<string, object?> { ["field"] = "id" });

    /// <summary>409: the session has ended.</summary>
    /// <param name="id">The session id.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult SessionCompleted(string id) =>
        TypedResults.Problem($"Session '{Echo(id)}' has completed; it can no longer be paused or resumed.", statusCode: StatusCodes.Status409Conflict, title: "The session has ended.");

    /// <summary>429: the server runs its maximum of sessions.</summary>
    /// <param name="cap">The cap.</param>
    /// <param name="retryAfter">When to try again.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult TooManySessions(int cap, TimeSpan retryAfter) =>
        TooMany($"This server already runs its maximum of {cap} sessions. Try again when one ends.", "Too many sessions.", retryAfter);

    /// <summary>429: this client holds its maximum of sessions.</summary>
    /// <param name="cap">The per-client cap.</param>
    /// <param name="retryAfter">When to try again.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult TooManySessionsForClient(int cap, TimeSpan retryAfter) =>
        TooMany($"This client already holds its maximum of {cap} running sessions. Stop one (DELETE /api/sessions/{{id}}) or wait for one to end.",
            "Too many sessions for this client.", retryAfter);

    /// <summary>429: the session has its maximum of event streams.</summary>
    /// <param name="cap">The per-session cap.</param>
    /// <param name="retryAfter">When to try again.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult TooManyStreams(int cap, TimeSpan retryAfter) =>
        TooMany($"This session already has its maximum of {cap} open event streams. Close one, or try again once a dropped one is noticed.",
            "Too many event streams for this session.", retryAfter);

    /// <summary>503: the server has its maximum of event streams.</summary>
    /// <param name="cap">The server-wide cap.</param>
    /// <param name="retryAfter">When to try again.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult ServerStreamsFull(int cap, TimeSpan retryAfter) =>
        TypedResults.Problem($"This server already serves its maximum of {cap} event streams. Try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The server is busy.", extensions: new Dictionary<string, object?> { [RetryAfterExtension] = Seconds(retryAfter) });

    /// <summary>Whole seconds to wait, at least 1.</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>Its seconds, rounded up.</returns>
    public static int Seconds(TimeSpan delay) => (int)Math.Clamp(Math.Ceiling(delay.TotalSeconds), 1, int.MaxValue);

    private static ProblemHttpResult TooMany(string detail, string title, TimeSpan retryAfter) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: title,
            extensions: new Dictionary<string, object?> { [RetryAfterExtension] = Seconds(retryAfter) });
}
