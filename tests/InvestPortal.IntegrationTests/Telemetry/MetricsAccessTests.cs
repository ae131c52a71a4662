using System.Net;
using InvestPortal.Web.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace InvestPortal.IntegrationTests.Telemetry;

/// <summary>OpenTelemetry:MetricsAllowedNetworks: the Prometheus server's network scrapes without signing in, nobody else does.</summary>
public sealed class MetricsAccessTests
{
    private static bool Allows(string address, params string[] networks)
    {
        var access = new MetricsAccess(Options.Create(new TelemetryOptions { MetricsAllowedNetworks = networks }));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return access.Allows(context);
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("fd00::5", true)]
    [InlineData("192.168.1.10", false)]
    [InlineData("203.0.113.7", false)]
    public void Callers_from_a_configured_network_are_let_in_and_others_are_not(string address, bool allowed) =>
        Assert.Equal(allowed, Allows(address, "10.0.0.0/8", "fd00::/8"));

    [Fact]
    public void Without_configured_networks_only_this_machine_and_admins_may_scrape()
    {
        Assert.False(Allows("10.1.2.3"));
        Assert.True(Allows("127.0.0.1"));
    }

    [Fact]
    public void A_malformed_network_stops_the_start_with_the_setting_named() =>
        Assert.Contains("MetricsAllowedNetworks", Assert.Throws<InvalidOperationException>(() => Allows("10.1.2.3", "10.0.0.0/33")).Message, StringComparison.Ordinal);
}
