using InvestPortal.Core.Geography;
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
            return new SearchSemantics(sp.GetRequiredService<PortalTaxonomy>(), () => rates.Table, () => glossary.Current,
                sp.GetRequiredService<BorderCrossings>());
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
        services.AddScoped<IndexBacklog>();
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
            return new InstrumentedSearchEngine(new LuceneSearchEngine(path, sp.GetRequiredService<SearchSemantics>(),
                sp.GetRequiredService<ILogger<LuceneSearchEngine>>(), readOnly: o.ReadOnly));
        });

    /// <summary>The Elasticsearch engine (see Elasticsearch/ElasticsearchConnection.cs); settings are read from the validated options.</summary>
    private static void AddElasticsearchEngine(IServiceCollection services, ElasticsearchOptions options) =>
        Elasticsearch.ElasticsearchConnection.AddElasticsearchEngine(services);
}
