using System.Globalization;
using System.Threading.RateLimiting;
using BreathPacing.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BreathPacing.Web.Hardening;

/// <summary>
/// Per-client request budgets with ASP.NET Core's rate limiter: a token bucket per client address (see
/// <see cref="ClientAddress"/>) for starting sessions, and a separate one for every other API request. A refused
/// request answers 429 problem details with <c>Retry-After</c>.
/// </summary>
public static class ClientRateLimits
{
    /// <summary>The policy for starting sessions.</summary>
    public const string SessionCreate = "session-create";

    /// <summary>The policy for every other API request.</summary>
    public const string Requests = "requests";

    /// <summary>Registers the rate limiter and its two policies.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddClientRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(static limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SessionCreate, static context =>
            {
                var o = Options(context);
                return RateLimitPartition.GetTokenBucketLimiter(ClientAddress.KeyOf(context), _ => Bucket(o.SessionCreateBurst, o.SessionCreatesPerMinute));
            });
            limiter.AddPolicy(Requests, static context =>
            {
                var o = Options(context);
                return RateLimitPartition.GetTokenBucketLimiter(ClientAddress.KeyOf(context), _ => Bucket(o.RequestBurst, o.RequestsPerMinute));
            });
            limiter.OnRejected = static async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var creating = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SessionCreate;
                var o = Options(http);
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1.0 / (creating ? o.SessionCreatesPerMinute : o.RequestsPerMinute));
                var seconds = Problems.Seconds(wait);
                var budget = creating
                    ? string.Create(CultureInfo.InvariantCulture, $"session starts ({o.SessionCreateBurst} at once, {o.SessionCreatesPerMinute} a minute)")
                    : string.Create(CultureInfo.InvariantCulture, $"API requests ({o.RequestBurst} at once, {o.RequestsPerMinute} a minute)");
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"This client has used its budget of {budget}. Try again in {seconds} s.",
                        Extensions = { [Problems.RetryAfterExtension] = seconds },
                    },
                });
            };
        });

    private static WebSessionOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<WebSessionOptions>>().Value;

    // Refill one token at a time, evenly over the minute, so a client that waits is served again soon.
    private static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
