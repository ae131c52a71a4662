using System.Net;
using System.Net.Sockets;
using System.Text;
using InvestPortal.Data;
using InvestPortal.Notifications;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Outbox;
using InvestPortal.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using netDumbster.smtp;

namespace InvestPortal.IntegrationTests.Notifications;

/// <summary>
/// A real host with the portal's data and notification registrations, a migrated database (a SQLite
/// file or a fresh PostgreSQL database) and a temporary DataPath. Two hosts on one database stand
/// for two web processes. The background dispatcher is off unless a test turns it on, so tests
/// drive passes themselves through <see cref="OutboxDispatcher.DispatchDueAsync"/>.
/// </summary>
public sealed class NotificationHost : IAsyncDisposable
{
    public const string BaseUrl = "https://invest.example.org";
    private readonly IHost host;

    private NotificationHost(IHost host, string dataPath, string provider)
    {
        this.host = host;
        DataPath = dataPath;
        Provider = provider;
    }

    public string DataPath { get; }
    public string Provider { get; }
    public IServiceProvider Services => host.Services;
    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();
    public string MailFolder => Path.Combine(DataPath, "mail");

    /// <summary>Settings for a database of the given provider; pass them to several hosts to share it.</summary>
    public static Dictionary<string, string?> Database(string provider) => provider switch
    {
        "Sqlite" => new() { ["DataPath"] = TestPaths.NewTempFolder("notifications"), ["Database:Provider"] = "Sqlite" },
        "Postgres" => new()
        {
            ["DataPath"] = TestPaths.NewTempFolder("notifications"), ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = PostgresServer.CreateDatabase("notify"),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Mail:Transport"] = "Smtp", ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = port.ToString(),
    };

    public static async Task<NotificationHost> StartAsync(
        IReadOnlyDictionary<string, string?> database, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["ContentPath"] = TestPaths.Content,
            ["Demo:Load"] = "false",
            ["Mail:BaseUrl"] = BaseUrl,
            ["Mail:From"] = "InvestPortal <noreply@invest.example.org>",
            ["Mail:Smtp:TimeoutSeconds"] = "5",
            ["Outbox:Enabled"] = "false",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:BaseDelay"] = "00:00:00.050",
            ["Outbox:MaxDelay"] = "00:00:00.200",
            ["Outbox:LeaseDuration"] = "00:00:02",
            ["Outbox:BatchSize"] = "50",
        };
        foreach (var (k, v) in database) config[k] = v;
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
        var dataPath = config["DataPath"]!;

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true, EnvironmentName = "Testing", ContentRootPath = dataPath,
        });
        builder.Configuration.AddInMemoryCollection(config);
        builder.AddPortalData();
        builder.AddPortalNotifications();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
        await host.StartAsync();
        return new NotificationHost(host, dataPath, config["Database:Provider"]!);
    }

    /// <summary>Queues emails in one transaction, as a feature would alongside its change.</summary>
    public async Task<List<Guid>> QueueAsync(params EmailRequest[] requests)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var ids = new List<Guid>();
        foreach (var request in requests)
            if (await notifier.QueueAsync(db, request) is { } message) ids.Add(message.Id);
        await db.SaveChangesAsync();
        return ids;
    }

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs passes until nothing is pending (waiting out backoff and leases) or the deadline passes.</summary>
    public async Task DrainAsync(TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(20));
        while (await WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Status == Core.Domain.OutboxStatus.Pending)))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The outbox still has pending messages.");
            if (await Dispatcher.DispatchDueAsync() == 0) await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        SqliteConnection.ClearAllPools();
    }

    public static int FreePort() => TestSmtp.FreePort();

    /// <summary>
    /// The message as sent. netDumbster keeps SMTP's dot-stuffing (RFC 5321 §4.5.2: a line starting
    /// with "." travels as ".."), which a real server removes, so it is removed here.
    /// </summary>
    public static MimeMessage Parse(SmtpMessage received) => TestSmtp.Parse(received);

    public static EmailRequest Request(string key, string template = EmailTemplates.OpportunityApproved, string culture = "en",
        string to = "owner@example.org", string? userId = "user-1", bool essential = false) => new()
    {
        Template = template, ToAddress = to, ToName = "Li Wei", Culture = culture, UserId = userId, IsEssential = essential,
        IdempotencyKey = key, LinkPath = "my/opportunities/42",
        Values = new Dictionary<string, string> { ["opportunityTitle"] = $"Heihe timber park {key}" },
    };
}
