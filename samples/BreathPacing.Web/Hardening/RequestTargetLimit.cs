using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace BreathPacing.Web.Hardening;

/// <summary>
/// Answers 414 problem details for a request target (path and query, as sent) longer than
/// <see cref="WebSessionOptions.MaxRequestTargetLength"/>. Kestrel's own request-line limit is set well above it
/// (<see cref="KestrelRequestLineBytes"/>), so up to that size the client gets a problem document rather than
/// Kestrel's bare 414.
/// </summary>
public static class RequestTargetLimit
{
    /// <summary>Kestrel's request-line limit: beyond this Kestrel answers on its own, before the app runs.</summary>
    public const int KestrelRequestLineBytes = 32 * 1024;

    /// <summary>Adds the middleware.</summary>
    /// <param name="app">The application.</param>
    /// <param name="maxLength">The longest target accepted.</param>
    /// <returns>The same application.</returns>
    public static IApplicationBuilder UseRequestTargetLimit(this IApplicationBuilder app, int maxLength) =>
        app.Use(async (context, next) =>
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
            var length = target?.Length ?? (context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0);
            if (length <= maxLength)
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status414UriTooLong;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status414UriTooLong,
                    Detail = string.Create(CultureInfo.InvariantCulture, $"The request target (path and query) is {length} characters; at most {maxLength} are accepted."),
                    Extensions = { ["field"] = "target" },
                },
            });
        });
}
