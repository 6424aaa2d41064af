using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BreathPacing.Web.Storage;

/// <summary>Registers the session store chosen by <see cref="WebSessionOptions.Store"/>.</summary>
public static class SessionStoreRegistration
{
    /// <summary>Registers <see cref="ISessionStore"/>: in memory, or Redis (with its connection).</summary>
    /// <param name="services">The services.</param>
    /// <param name="store">Which store.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddSessionStore(this IServiceCollection services, SessionStoreKind store)
    {
        if (store == SessionStoreKind.Redis)
        {
            services.AddSingleton<IConnectionMultiplexer>(static provider => RedisSessionStore.Connect(provider.GetRequiredService<IOptions<WebSessionOptions>>().Value));
            services.AddSingleton<ISessionStore, RedisSessionStore>();
        }
        else
        {
            services.AddSingleton<ISessionStore, InMemorySessionStore>();
        }

        services.AddHealthChecks().AddCheck<SessionStoreHealthCheck>("session-store");
        return services;
    }
}
