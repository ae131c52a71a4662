using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using InvestPortal.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Search.Elasticsearch;

/// <summary>Client settings from "Search:Elasticsearch" and the engine's DI registration.</summary>
public static class ElasticsearchConnection
{
    /// <summary>A search page must fail fast enough to show "search unavailable" instead of hanging.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
    /// <summary>Retries on another node (or the same one) after a connection failure or a 502/503/504.</summary>
    public const int MaxRetries = 2;
    /// <summary>Bounds all retries of one call together.</summary>
    public static readonly TimeSpan MaxRetryTimeout = TimeSpan.FromSeconds(45);

    public static ElasticsearchClientSettings CreateSettings(ElasticsearchOptions options)
    {
        var urls = (options.Url ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new InvalidOperationException($"Search:Elasticsearch:Url contains '{u}', which is not an http(s) URL."))
            .ToList();
        if (urls.Count == 0) throw new InvalidOperationException("Search:Elasticsearch:Url is not set.");
        // One URL: no sniffing or node rotation to do. Several: round-robin with dead-node tracking.
        NodePool pool = urls.Count == 1 ? new SingleNodePool(urls[0]) : new StaticNodePool(urls);
        var settings = new ElasticsearchClientSettings(pool)
            .RequestTimeout(RequestTimeout)
            .MaximumRetries(MaxRetries)
            .MaxRetryTimeout(MaxRetryTimeout);
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
            settings = settings.Authentication(new ApiKey(options.ApiKey));
        else if (!string.IsNullOrWhiteSpace(options.Username))
            settings = settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? ""));
        if (!string.IsNullOrWhiteSpace(options.CertificateFingerprint))
            settings = settings.CertificateFingerprint(options.CertificateFingerprint);
        return settings;
    }

    /// <summary>Registers the engine as the one <see cref="ISearchEngine"/>; the client is created once and shared (it is thread-safe and pools connections).</summary>
    public static void AddElasticsearchEngine(IServiceCollection services)
    {
        services.AddSingleton(sp => new ElasticsearchClient(CreateSettings(sp.GetRequiredService<IOptions<SearchOptions>>().Value.Elasticsearch)));
        services.AddSingleton<ISearchEngine>(sp => new InstrumentedSearchEngine(new ElasticsearchSearchEngine(
            sp.GetRequiredService<ElasticsearchClient>(),
            sp.GetRequiredService<IOptions<SearchOptions>>().Value.Elasticsearch.IndexPrefix,
            sp.GetRequiredService<SearchSemantics>(),
            sp.GetRequiredService<ILogger<ElasticsearchSearchEngine>>())));
    }
}
