using System.Net;
using InvestPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Telemetry;

/// <summary>
/// Who may read /metrics: what /health shows in detail (signed-in admins, callers on this machine that no proxy
/// stands in for), plus callers from OpenTelemetry:MetricsAllowedNetworks — the Prometheus server's network,
/// which scrapes without signing in. Metrics map the installation (queue sizes, traffic, routes), so everyone
/// else gets 403.
/// </summary>
public sealed class MetricsAccess
{
    private readonly IReadOnlyList<IPNetwork> networks;

    public MetricsAccess(IOptions<TelemetryOptions> options)
    {
        networks = [.. options.Value.MetricsAllowedNetworks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(Parse)];
    }

    public bool Allows(HttpContext context)
    {
        if (HealthReportWriter.MaySeeDetails(context)) return true;
        if (context.Connection.RemoteIpAddress is not { } address) return false;
        // After the forwarded-headers middleware this is the client's address, not a trusted proxy's.
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return networks.Any(n => n.Contains(address));
    }

    /// <summary>The middleware in front of the Prometheus exporter's branch.</summary>
    public static async Task GateAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!context.RequestServices.GetRequiredService<MetricsAccess>().Allows(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await next(context);
    }

    private static IPNetwork Parse(string cidr) =>
        IPNetwork.TryParse(cidr.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"OpenTelemetry:MetricsAllowedNetworks contains '{cidr}', which is not a CIDR range such as 10.0.0.0/8.");
}
