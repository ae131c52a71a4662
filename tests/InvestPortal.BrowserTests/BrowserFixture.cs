using InvestPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace InvestPortal.BrowserTests;

/// <summary>
/// The portal on a real Kestrel port (SQLite, demo content) and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: the system Chromium is used, and a missing one fails the tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly PortalServer _server = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _server.Services;

    public async Task InitializeAsync()
    {
        _server.UseKestrel(0);
        _server.StartServer();
        BaseUrl = _server.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await IndexWaiter.WaitForIndexAsync(_server.Services);
        _playwright = await Playwright.CreateAsync();
        var chromium = Environment.GetEnvironmentVariable("INVESTPORTAL_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium)) throw new InvalidOperationException($"Chromium not found at {chromium}: apt-get install chromium.");
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(string? acceptLanguage = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = acceptLanguage?.Split(',')[0] ?? "en-US",
            ExtraHTTPHeaders = acceptLanguage is null ? null : new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage },
        });
        var page = await context.NewPageAsync();
        // Nothing a page loads may leave this machine: no CDN, no fonts, no trackers.
        await context.RouteAsync("**/*", route =>
            new Uri(route.Request.Url).IsLoopback ? route.ContinueAsync() : route.AbortAsync());
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
    }

    private sealed class PortalServer : WebApplicationFactory<Program>
    {
        private readonly string _dataPath = TestPaths.NewTempFolder("investportal-browser");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("DataPath", _dataPath);
            builder.UseSetting("ContentPath", TestPaths.Content);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Demo:Load", "true");
            builder.UseSetting("RateLimits:LoginPerMinute", "1000");
            builder.UseSetting("RateLimits:FormsPerMinute", "1000");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
