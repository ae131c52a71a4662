using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace InvestPortal.IntegrationTests.Security;

/// <summary>
/// The portal on SQLite behind a (loopback) reverse proxy, like <see cref="SecurityFactory"/>, with a public
/// base URL, small API and search-page limits so 429s are quick to reach, and one deliberate crash: a request
/// to a path ending in "/boom" that nothing else answers throws, as a bug would.
/// </summary>
public sealed class EdgeFactory : PortalFactory
{
    public const string PublicBaseUrl = "https://invest.example.org";
    public const int ApiPerMinute = 10;
    public const int SearchPerMinute = 20;

    public override string Provider => "Sqlite";
    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() =>
    [
        new("Database:Provider", "Sqlite"),
        new("RateLimits:LoginPerMinute", "10"), new("RateLimits:FormsPerMinute", "20"),
        new("RateLimits:ApiPerMinute", ApiPerMinute.ToString()), new("RateLimits:SearchPerMinute", SearchPerMinute.ToString()),
        new("Portal:PublicBaseUrl", PublicBaseUrl),
        // The older setting is still read, but the public base URL wins over it.
        new("Mail:BaseUrl", "https://old-mail-setting.example.com"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, EdgeFilter>());
    }

    /// <summary>A client whose requests come from <paramref name="clientIp"/> through the proxy.</summary>
    public HttpClient ClientFrom(string clientIp)
    {
        var client = CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientIp);
        return client;
    }

    private static int _next;
    public static string NewClientIp() => $"203.0.113.{Interlocked.Increment(ref _next) % 250 + 1}";

    private sealed class EdgeFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // The in-memory server has no client address: requests arrive "from" the loopback proxy.
            app.Use((HttpContext context, RequestDelegate n) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return n(context);
            });
            next(app);
            // After the portal's pipeline: reached only by requests no endpoint answered, inside its exception handler.
            app.Use((HttpContext context, RequestDelegate n) =>
                context.Request.Path.Value?.EndsWith("/boom", StringComparison.Ordinal) == true
                    ? throw new InvalidOperationException("A deliberate failure for the tests.")
                    : n(context));
        };
    }
}
