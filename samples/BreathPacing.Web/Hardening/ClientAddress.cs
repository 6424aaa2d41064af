using System.Net;
using System.Net.Sockets;

namespace BreathPacing.Web.Hardening;

/// <summary>
/// The key per-client limits are kept under: the connection's remote address; an IPv6 client by its /64 network,
/// since one subscriber is routinely given a whole /64 and could otherwise change address per request. Behind a
/// reverse proxy, configure ASP.NET Core's forwarded-headers middleware with that proxy as a known proxy, or every
/// client shares the proxy's key.
/// </summary>
public static class ClientAddress
{
    /// <summary>The key for requests whose remote address is unknown (e.g. an in-memory test server).</summary>
    public const string Unknown = "unknown";

    /// <summary>The limit key of <paramref name="context"/>'s client.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The key.</returns>
    public static string KeyOf(HttpContext context) => KeyOf(context.Connection.RemoteIpAddress);

    /// <summary>The limit key of <paramref name="address"/>.</summary>
    /// <param name="address">The remote address.</param>
    /// <returns>The key.</returns>
    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
