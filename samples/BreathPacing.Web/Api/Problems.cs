using Microsoft.AspNetCore.Http.HttpResults;

namespace BreathPacing.Web.Api;

/// <summary>RFC 9457 problem details for the API's errors.</summary>
public static class Problems
{
    /// <summary>400: the request is invalid.</summary>
    /// <param name="detail">What is wrong, naming the field and value.</param>
    /// <param name="extensions">Machine-readable details, e.g. the field or the position.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.", extensions: extensions);

    /// <summary>400 for an invalid pattern or length.</summary>
    /// <param name="error">The library's validation error.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult InvalidPattern(BreathValidationException error) =>
        TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest, title: "The pattern is invalid.",
            extensions: new Dictionary<string, object?> { ["field"] = error.Field, ["value"] = error.Value });

    /// <summary>404: no such session.</summary>
    /// <param name="id">The id asked for.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult UnknownSession(string id) =>
        TypedResults.Problem($"No session '{id}': it never existed, was stopped, or expired.", statusCode: StatusCodes.Status404NotFound, title: "Unknown session.");

    /// <summary>404: no such technique.</summary>
    /// <param name="id">The id or alias asked for.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult UnknownTechnique(string id) =>
        TypedResults.Problem($"No technique with id or alias '{id}'. GET /api/techniques lists them.", statusCode: StatusCodes.Status404NotFound, title: "Unknown technique.");

    /// <summary>409: the session has ended.</summary>
    /// <param name="id">The session id.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult SessionCompleted(string id) =>
        TypedResults.Problem($"Session '{id}' has completed; it can no longer be paused or resumed.", statusCode: StatusCodes.Status409Conflict, title: "The session has ended.");

    /// <summary>429: too many sessions.</summary>
    /// <param name="cap">The cap.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult TooManySessions(int cap) =>
        TypedResults.Problem($"This server already runs its maximum of {cap} sessions. Try again when one ends.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sessions.");
}
