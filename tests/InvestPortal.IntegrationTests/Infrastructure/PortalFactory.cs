using InvestPortal.Data;
using InvestPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InvestPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The whole portal in-process on a real database, with its own data folder (index, mail pickup),
/// demo content loaded as on a fresh machine. One factory is shared per test class and database.
/// </summary>
public abstract class PortalFactory : WebApplicationFactory<Program>
{
    public string DataPath { get; } = TestPaths.NewTempFolder("investportal-it");
    public abstract string Provider { get; }
    protected abstract IEnumerable<KeyValuePair<string, string?>> DatabaseSettings();

    /// <summary>Extra settings a test class needs (e.g. tighter lockout); applied last.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataPath", DataPath);
        builder.UseSetting("ContentPath", TestPaths.Content);
        builder.UseSetting("Demo:Load", "true");
        builder.UseSetting("Mail:Transport", "Pickup");
        builder.UseSetting("RateLimits:LoginPerMinute", "1000");
        builder.UseSetting("RateLimits:FormsPerMinute", "1000");
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        builder.UseSetting("RateLimits:SearchPerMinute", "100000");
        // Tests change data and read it back at once: no output cache (Caching/OutputCacheTests turns it on).
        builder.UseSetting("OutputCache:Seconds", "0");
        foreach (var (key, value) in DatabaseSettings().Concat(Settings)) builder.UseSetting(key, value);
    }

    /// <summary>Starts the portal and waits until its search index has caught up with the demo content.</summary>
    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        IndexWaiter.WaitForIndexAsync(host.Services).GetAwaiter().GetResult();
        return host;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work) =>
        WithScopeAsync(sp => work(sp.GetRequiredService<PortalDbContext>()));

    /// <summary>A client that does not follow redirects, so tests can see them.</summary>
    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { /* SQLite may still hold the file on slow shutdown */ }
    }
}

public sealed class SqlitePortalFactory : PortalFactory
{
    public override string Provider => "Sqlite";
    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() => [new("Database:Provider", "Sqlite")];
}

public sealed class PostgresPortalFactory : PortalFactory
{
    private readonly string _connectionString = PostgresServer.CreateDatabase("portal");
    public override string Provider => "Postgres";
    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() =>
        [new("Database:Provider", "Postgres"), new("ConnectionStrings:Postgres", _connectionString)];
}
