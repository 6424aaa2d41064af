using BreathPacing;
using System.Reactive.Concurrency;
using BreathPacing.Grounding;
using BreathPacing.Safety;
using Microsoft.Extensions.DependencyInjection.Extensions;
using BreathPacing.Scheduling;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers BreathPacing with a service collection.</summary>
public static class BreathPacingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBreathPacer"/> as a singleton. Repeated calls are harmless. The pacer runs on,
    /// in order of preference: the options' scheduler or time provider, an <see cref="IScheduler"/>
    /// registered in the container, a <see cref="TimeProvider"/> registered in the container, or the shared
    /// timer wheel (<see cref="TimerWheelScheduler.Shared"/>). Also registers <see cref="IGroundingCatalog"/> as <see cref="GroundingCatalog.Default"/>
    /// unless a catalog is already registered (register your own, e.g. a translated one, to replace it).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddBreathPacing(this IServiceCollection services) => services.AddBreathPacing(static _ => { });

    /// <summary>As <see cref="AddBreathPacing(IServiceCollection)"/>, also configuring the options; configurations from repeated calls apply in order.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddBreathPacing(this IServiceCollection services, Action<BreathPacingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(new BreathPacingConfiguration(configure));
        services.TryAddSingleton<IBreathPacer>(static provider =>
        {
            var options = new BreathPacingOptions();
            foreach (var configuration in provider.GetServices<BreathPacingConfiguration>())
            {
                configuration.Configure(options);
            }

            if (options.Scheduler is null && options.TimeProvider is null)
            {
                options.Scheduler = provider.GetService<IScheduler>();
                options.TimeProvider = provider.GetService<TimeProvider>();
            }

            var pacer = new BreathPacer(options);
            return provider.GetService<StrictSafetyRegistration>() is { } strict ? new SafeBreathPacer(pacer, strict.Profile) : pacer;
        });
        services.TryAddSingleton<IGroundingCatalog>(GroundingCatalog.Default);
        return services;
    }

    /// <summary>
    /// Makes the registered <see cref="IBreathPacer"/> refuse patterns that raise a warning under <paramref name="profile"/>
    /// (a <see cref="SafeBreathPacer"/> around the pacer <see cref="AddBreathPacing(IServiceCollection)"/> registers).
    /// Call it with <c>AddBreathPacing</c>; the last profile given wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="profile">The thresholds; <see langword="null"/> for <see cref="SafetyProfile.Gentle"/>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddStrictBreathSafety(this IServiceCollection services, SafetyProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<StrictSafetyRegistration>();
        services.AddSingleton(new StrictSafetyRegistration(profile ?? SafetyProfile.Gentle));
        return services;
    }
}

/// <summary>The profile <c>AddStrictBreathSafety</c> registered.</summary>
internal sealed class StrictSafetyRegistration(SafetyProfile profile)
{
    public SafetyProfile Profile { get; } = profile;
}

/// <summary>One configuration of <see cref="BreathPacingOptions"/> registered by <c>AddBreathPacing</c>.</summary>
internal sealed class BreathPacingConfiguration(Action<BreathPacingOptions> configure)
{
    public Action<BreathPacingOptions> Configure { get; } = configure;
}
