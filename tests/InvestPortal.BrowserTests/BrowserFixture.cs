using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using InvestPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using netDumbster.smtp;

namespace InvestPortal.BrowserTests;

/// <summary>
/// The portal on a real Kestrel port (SQLite, demo content) and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: the system Chromium is used, and a missing one fails the tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly SimpleSmtpServer _smtp;
    private readonly PortalServer _server;
    private IPlaywright? _playwright;

    public BrowserFixture()
    {
        // Emails travel through MailKit to a real SMTP server, so journeys read what a person would receive.
        var smtpPort = TestSmtp.FreePort();
        _smtp = SimpleSmtpServer.Start(smtpPort);
        _server = new PortalServer(smtpPort);
        Mailbox = new Mailbox(_smtp, () => Services);
    }

    public Mailbox Mailbox { get; }

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

    /// <summary>
    /// A page in a fresh browser context. A test closes the context when it is done; a failed assertion
    /// skips that, so every page still open when the run ends belongs to a failed test and is saved
    /// (screenshot + HTML) to TestResults/screenshots for the CI artifacts.
    /// </summary>
    public async Task<IPage> NewPageAsync(string? acceptLanguage = null, [CallerMemberName] string test = "")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = acceptLanguage?.Split(',')[0] ?? "en-US",
            ExtraHTTPHeaders = acceptLanguage is null ? null : new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage },
        });
        var page = await context.NewPageAsync();
        var key = $"{test}-{Interlocked.Increment(ref _pageCount):D3}";
        _openPages[key] = page;
        context.Close += (_, _) => _openPages.TryRemove(key, out IPage? _);
        // Nothing a page loads may leave this machine: no CDN, no fonts, no trackers.
        await context.RouteAsync("**/*", route =>
            new Uri(route.Request.Url).IsLoopback ? route.ContinueAsync() : route.AbortAsync());
        return page;
    }

    public async Task DisposeAsync()
    {
        await SaveFailedPagesAsync();
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
        _smtp.Stop();
        _smtp.Dispose();
    }

    private readonly ConcurrentDictionary<string, IPage> _openPages = new();
    private int _pageCount;

    private async Task SaveFailedPagesAsync()
    {
        if (_openPages.IsEmpty) return;
        var folder = Path.Combine(Path.GetDirectoryName(TestPaths.Content)!, "tests", "InvestPortal.BrowserTests", "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var (key, page) in _openPages)
        {
            try
            {
                var name = string.Concat(key.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_'));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
                await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), $"<!-- {page.Url} -->\n" + await page.ContentAsync());
            }
            catch (PlaywrightException) { /* the page crashed or closed: nothing left to save */ }
        }
    }

    private sealed class PortalServer(int smtpPort) : WebApplicationFactory<Program>
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
            builder.UseSetting("RateLimits:SearchPerMinute", "100000");
            // Tests change data and read it back at once: no output cache (Caching/OutputCacheTests turns it on).
            builder.UseSetting("OutputCache:Seconds", "0");
            builder.UseSetting("Mail:Transport", "Smtp");
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Mail:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:TimeoutSeconds", "5");
            builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
