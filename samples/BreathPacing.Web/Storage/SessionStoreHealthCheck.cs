using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BreathPacing.Web.Storage;

/// <summary>/healthz: unhealthy while the session store cannot be reached (new sessions then answer 503).</summary>
public sealed class SessionStoreHealthCheck(ISessionStore store) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.IsHealthyAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The session store cannot be reached.");
}
