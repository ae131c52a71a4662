using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Search.Lucene;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Search;

public static class SearchRegistration
{
    /// <summary>
    /// The configured search engine (Search:Engine = Lucene | Elasticsearch, no fallback between them), the shared
    /// document builder, the indexer and its outbox handler, the glossary (store, admin, change handler, refresher), the
    /// "search" health check, and a start-up rebuild when the index is missing or corrupt. Call after AddPortalData.
    /// </summary>
    public static IHostApplicationBuilder AddPortalSearch(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section)
            .Validate(o => o.Engine != SearchEngineKind.Elasticsearch || !string.IsNullOrWhiteSpace(o.Elasticsearch.Url),
                "Search:Engine is Elasticsearch but Search:Elasticsearch:Url is not set.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();

        services.AddSingleton<GlossaryStore>();
        services.AddSingleton(sp =>
        {
            var rates = sp.GetRequiredService<ExchangeRateCache>();
            var glossary = sp.GetRequiredService<GlossaryStore>();
            return new SearchSemantics(sp.GetRequiredService<PortalTaxonomy>(), () => rates.Table, () => glossary.Current);
        });
        services.AddSingleton<SearchDocumentBuilder>();

        switch (options.Engine)
        {
            case SearchEngineKind.Lucene:
                AddLuceneEngine(services);
                break;
            case SearchEngineKind.Elasticsearch:
                AddElasticsearchEngine(services, options.Elasticsearch);
                break;
            default:
                throw new InvalidOperationException($"Search:Engine '{options.Engine}' is not one of Lucene, Elasticsearch.");
        }

        services.AddSingleton<SearchRebuildCoordinator>();
        services.AddScoped<SearchIndexer>();
        services.AddScoped<IOutboxHandler, SearchIndexOutboxHandler>();
        // `reindex` while a server owns the Lucene index: the server rebuilds (SearchRebuildRouting.cs).
        services.AddScoped<SearchRebuildRouting>();
        services.AddScoped<IOutboxHandler, SearchRebuildOutboxHandler>();
        // The glossary lives in the database: admins edit it, the handler reloads and rebuilds, other nodes poll.
        services.AddScoped<GlossaryAdmin>();
        services.AddScoped<IOutboxHandler, GlossaryChangedOutboxHandler>();
        services.AddHostedService<GlossaryRefresher>();
        services.AddHostedService<SearchIndexStartup>();
        services.AddHealthChecks().AddCheck<SearchHealthCheck>("search", tags: ["ready"]);
        return builder;
    }

    private static void AddLuceneEngine(IServiceCollection services) =>
        services.AddSingleton<ISearchEngine>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var path = string.IsNullOrWhiteSpace(o.IndexPath) ? sp.GetRequiredService<PortalPaths>().Index : o.IndexPath;
            return new LuceneSearchEngine(path, sp.GetRequiredService<SearchSemantics>(), sp.GetRequiredService<ILogger<LuceneSearchEngine>>(),
                readOnly: o.ReadOnly);
        });

    /// <summary>The Elasticsearch engine (see Elasticsearch/ElasticsearchConnection.cs); settings are read from the validated options.</summary>
    private static void AddElasticsearchEngine(IServiceCollection services, ElasticsearchOptions options) =>
        Elasticsearch.ElasticsearchConnection.AddElasticsearchEngine(services);
}

/// <summary>
/// At start, rebuilds the index from the database when the engine reports it missing, corrupt or incomplete. An engine
/// that does not answer yet (Elasticsearch still starting next to the portal) is asked again with a growing pause,
/// until it answers or the host stops: giving up at the first try left an empty index until someone ran reindex.
/// </summary>
public sealed class SearchIndexStartup(IServiceScopeFactory scopes, ISearchEngine engine, IOptions<SearchOptions> options,
    SearchRebuildCoordinator coordinator, ILogger<SearchIndexStartup> log) : BackgroundService
{
    /// <summary>The longest pause between two health checks while the engine is unavailable.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    /// <summary>1 s, 2 s, 4 s … up to <see cref="MaxRetryDelay"/>.</summary>
    public static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetryDelay.TotalSeconds, Math.Pow(2, Math.Min(attempt, 16))));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RunAsync((delay, ct) => Task.Delay(delay, ct), stoppingToken);

    /// <summary>The start-up work; <paramref name="delay"/> is the pause between attempts (tests pass one that does not wait).</summary>
    public async Task RunAsync(Func<TimeSpan, CancellationToken, Task> delay, CancellationToken stoppingToken)
    {
        // Index messages wait for this decision (a rebuild notes the ones it covers when it begins).
        if (!options.Value.RebuildOnStart)
        {
            coordinator.StartupDecided();
            return;
        }
        try
        {
            var health = await engine.GetHealthAsync(stoppingToken);
            // Unavailable but asking for a rebuild (an alias split over two indices) is answered by the rebuild itself.
            for (var attempt = 0; !health.Available && !health.NeedsRebuild; attempt++)
            {
                var wait = RetryDelay(attempt);
                log.LogWarning("Search engine {Engine} unavailable at start ({Reason}); asking again in {Delay}.", engine.Name, health.Message, wait);
                await delay(wait, stoppingToken);
                health = await engine.GetHealthAsync(stoppingToken);
            }
            if (!health.NeedsRebuild) return;
            log.LogWarning("Search index needs a rebuild ({Reason}); rebuilding from the database.", health.Message);
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(stoppingToken);
            log.LogInformation("Search index rebuilt at start: {Opportunities} opportunities, {Investors} investors in {Elapsed}.",
                report.Opportunities, report.Investors, report.Elapsed);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception ex)
        {
            log.LogError(ex, "Rebuilding the search index at start failed; run the reindex command.");
        }
        finally { coordinator.StartupDecided(); }
    }
}
