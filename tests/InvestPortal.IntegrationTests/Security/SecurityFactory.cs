using System.Net;
using InvestPortal.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestPortal.IntegrationTests.Security;

/// <summary>
/// The portal on SQLite as it runs behind a reverse proxy: the in-memory test server has no client
/// address, so every request comes "from" 127.0.0.1 (the proxy) and a test picks its client address
/// with X-Forwarded-For (and HTTPS with X-Forwarded-Proto), exactly as a proxy would send them.
/// Rate limits are the production defaults.
/// </summary>
public sealed class SecurityFactory : PortalFactory
{
    public override string Provider => "Sqlite";
    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() =>
    [
        new("Database:Provider", "Sqlite"),
        new("RateLimits:LoginPerMinute", "10"), new("RateLimits:FormsPerMinute", "20"), new("RateLimits:ApiPerMinute", "600"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ProxyAddressFilter>());
    }

    /// <summary>A client whose requests come from <paramref name="clientIp"/> through the proxy, over HTTPS if asked.</summary>
    public HttpClient ClientFrom(string clientIp, bool https = false)
    {
        var client = CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientIp);
        if (https) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    private static int _next;
    /// <summary>A client address no other test uses, so rate-limit buckets stay apart.</summary>
    public static string NewClientIp() => $"198.51.100.{Interlocked.Increment(ref _next) % 250 + 1}";

    /// <summary>Row counts of the tables hostile requests could touch.</summary>
    public Task<string> CountsAsync() => WithDbAsync(async (PortalDbContext db) =>
        $"opportunities {await db.Opportunities.CountAsync()}, translations {await db.OpportunityTranslations.CountAsync()}, " +
        $"users {await db.Users.CountAsync()}, organizations {await db.Organizations.CountAsync()}, investors {await db.InvestorProfiles.CountAsync()}, " +
        $"outbox {await db.OutboxMessages.CountAsync()}");

    private sealed class ProxyAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate n) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return n(context);
            });
            next(app);
        };
    }
}
