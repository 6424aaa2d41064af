using BreathPacing.Grounding;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.Tests.Grounding;

public class GroundingServiceRegistrationTests
{
    [Fact]
    public void AddBreathPacing_Resolves_TheDefaultCatalog()
    {
        using var provider = new ServiceCollection().AddBreathPacing().BuildServiceProvider();

        provider.GetRequiredService<IGroundingCatalog>().Should().BeSameAs(GroundingCatalog.Default);
        provider.GetRequiredService<IBreathPacer>().Should().NotBeNull();
    }

    [Fact]
    public void AddBreathPacing_CalledTwice_RegistersOneCatalog()
    {
        var services = new ServiceCollection().AddBreathPacing().AddBreathPacing(_ => { });

        services.Where(d => d.ServiceType == typeof(IGroundingCatalog)).Should().ContainSingle()
            .Which.Lifetime.Should().Be(ServiceLifetime.Singleton);
    }

    [Fact]
    public void AddBreathPacing_CatalogAlreadyRegistered_KeepsIt()
    {
        var german = GroundingCatalog.Create(b => b.UseCulture(System.Globalization.CultureInfo.GetCultureInfo("de")));
        using var provider = new ServiceCollection()
            .AddSingleton<IGroundingCatalog>(german)
            .AddBreathPacing()
            .BuildServiceProvider();

        provider.GetRequiredService<IGroundingCatalog>().Should().BeSameAs(german);
    }
}
