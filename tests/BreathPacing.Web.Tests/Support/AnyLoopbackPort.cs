using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BreathPacing.Web.Tests.Support;

/// <summary>
/// Puts a test host on a port of the system's choosing on 127.0.0.1 through the host's own <c>urls</c> setting.
/// Not <c>UseKestrel(0)</c>: with minimal hosting the app's <c>Run()</c> starts the server on its own thread while the
/// factory rewrites the address list, and now and then the factory loses that race
/// ("Addresses cannot be modified after the server has started").
/// </summary>
public static class AnyLoopbackPort
{
    /// <summary>Sets the host's listen address to 127.0.0.1 on a free port; call from <c>ConfigureWebHost</c>.</summary>
    public static IWebHostBuilder UseAnyLoopbackPort(this IWebHostBuilder builder) =>
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");

    /// <summary>The address a started host listens on, as a client would dial it.</summary>
    public static Uri BaseAddressOf(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }
}
