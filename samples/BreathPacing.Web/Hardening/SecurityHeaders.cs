namespace BreathPacing.Web.Hardening;

/// <summary>
/// Adds the security headers to every response the app writes, error or not: they are set as the response starts
/// (<see cref="HttpResponse.OnStarting(Func{Task})"/>), so the exception handler clearing the response on its way
/// to a problem document does not lose them. API responses that set no caching policy get <c>Cache-Control: no-store</c>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The content security policy: scripts, styles, images, media and connections from this origin only;
    /// no inline script or style, no plugins, no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Adds the middleware.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                Apply((HttpContext)state);
                return Task.CompletedTask;
            }, context);
            return next(context);
        });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (headers.CacheControl.Count == 0 && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
        }
    }
}
