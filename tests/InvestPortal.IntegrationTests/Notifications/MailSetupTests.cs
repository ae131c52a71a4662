using InvestPortal.Notifications.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using netDumbster.smtp;
using Xunit;

namespace InvestPortal.IntegrationTests.Notifications;

/// <summary>Configuration is checked at start, and /health's "mail" entry tells whether mail can go out.</summary>
public sealed class MailSetupTests
{
    [Theory]
    [InlineData("Mail:Transport", "Smtp", "Mail:Smtp:Host")] // SMTP without a host
    [InlineData("Mail:From", "not an address", "Mail:From")]
    [InlineData("Mail:BaseUrl", "/relative", "Mail:BaseUrl")]
    [InlineData("Mail:Smtp:Port", "70000", "Mail:Smtp:Port")]
    [InlineData("Outbox:MaxDelay", "00:00:00.010", "Outbox:MaxDelay")] // less than BaseDelay
    [InlineData("Outbox:BatchSize", "0", "BatchSize")]
    public async Task InvalidSettingsStopTheStartWithAClearMessage(string key, string value, string mentioned)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            NotificationHost.StartAsync(NotificationHost.Database("Sqlite"), new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(mentioned, error.Message);
    }

    [Fact]
    public async Task DefaultsAreThePickupTransportAndTheDocumentedValues()
    {
        await using var host = await NotificationHost.StartAsync(NotificationHost.Database("Sqlite"));
        var outbox = host.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;
        var mail = new MailOptions();
        Assert.Equal((MailTransportKind.Pickup, "InvestPortal <noreply@localhost>", "http://localhost:5000"), (mail.Transport, mail.From, mail.BaseUrl));
        Assert.Equal((true, 8), (new OutboxOptions().Enabled, new OutboxOptions().MaxAttempts));
        Assert.Equal(TimeSpan.FromSeconds(2), outbox.LeaseDuration); // bound from configuration

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var entry = report.Entries["mail"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("Pickup", entry.Data["transport"]);
        Assert.Contains(Path.Combine(host.DataPath, "mail"), entry.Description);
    }

    [Fact]
    public async Task TheSmtpHealthCheckConnectsToTheServer()
    {
        var port = NotificationHost.FreePort();
        await using var host = await NotificationHost.StartAsync(NotificationHost.Database("Sqlite"), NotificationHost.Smtp(port));
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var down = (await health.CheckHealthAsync()).Entries["mail"];
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Equal("Smtp", down.Data["transport"]);

        using var server = SimpleSmtpServer.Start(port);
        var up = (await health.CheckHealthAsync()).Entries["mail"];
        Assert.Equal(HealthStatus.Healthy, up.Status);
        Assert.Contains($"127.0.0.1:{port}", up.Description);
    }

    [Fact]
    public void RetryDelaysGrowExponentiallyWithJitterUpToTheCap()
    {
        var o = new OutboxOptions { BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromHours(1) };
        Assert.Equal(TimeSpan.FromSeconds(30), InvestPortal.Notifications.Outbox.OutboxDispatcher.RetryDelay(1, o, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(15), InvestPortal.Notifications.Outbox.OutboxDispatcher.RetryDelay(1, o, 0.0));
        Assert.Equal(TimeSpan.FromSeconds(240), InvestPortal.Notifications.Outbox.OutboxDispatcher.RetryDelay(4, o, 1.0));
        Assert.Equal(TimeSpan.FromHours(1), InvestPortal.Notifications.Outbox.OutboxDispatcher.RetryDelay(20, o, 1.0));
        Assert.Equal(TimeSpan.FromMinutes(30), InvestPortal.Notifications.Outbox.OutboxDispatcher.RetryDelay(100, o, 0.0));
    }
}
