using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace InvestPortal.IntegrationTests.Telemetry;

/// <summary>
/// The portal on SQLite with tracing on, spans and metrics going to in-memory exporters, and every log line from
/// Information up (framework categories included) captured with its scopes.
/// </summary>
public sealed class TelemetryFactory : PortalFactory
{
    public override string Provider => "Sqlite";
    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() => [new("Database:Provider", "Sqlite")];

    public SynchronizedCollection<Activity> Spans { get; } = new();
    public SynchronizedCollection<MetricSnapshot> Metrics { get; } = new();
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OpenTelemetry:Tracing", "true");
        builder.UseSetting("OpenTelemetry:GaugeRefreshInterval", "00:00:00.001");
        builder.UseSetting("Logging:LogLevel:Default", "Information");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics));
        });
    }

    /// <summary>Registers through the form (which queues the confirmation email) and returns the outbox message of that email.</summary>
    public async Task<InvestPortal.Core.Domain.OutboxMessage> RegisterAsync(string email)
    {
        using var client = CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync("/en/account/register");
        var registered = await client.SubmitFormAsync("/en/account/register", page, "main form", new Dictionary<string, string>
        {
            ["Input.Role"] = "Investor", ["Input.DisplayName"] = "Private Person", ["Input.Email"] = email, ["Input.Country"] = "",
            ["Input.Password"] = "amur-river-2026", ["Input.ConfirmPassword"] = "amur-river-2026",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, registered.StatusCode);
        var userId = await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleOrDefaultAsync());
        Assert.True(userId is not null, (await registered.ParseAsync()).QuerySelector("main")?.TextContent);
        return await WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Kind == InvestPortal.Core.Outbox.OutboxKinds.Email && m.IdempotencyKey.Contains(userId)));
    }

    /// <summary>Collects every instrument now and returns the points of one metric (cumulative, so earlier points are included).</summary>
    public List<MetricPoint> Points(string name)
    {
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        return [.. Metrics.Snapshot().Where(m => m.Name == name).SelectMany(m => m.MetricPoints)];
    }

    /// <summary>Waits for a span the portal ends in the background (outbox dispatch) or after the response.</summary>
    public async Task<Activity> SpanAsync(Func<Activity, bool> match, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (Spans.Snapshot().FirstOrDefault(match) is { } found) return found;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No span {what}; seen: {string.Join(", ", Spans.Snapshot().Select(s => s.DisplayName).Distinct())}");
    }

    public static string Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == key) return tag.Value?.ToString() ?? "";
        return "";
    }
}
