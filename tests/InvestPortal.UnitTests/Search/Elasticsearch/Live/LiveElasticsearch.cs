using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using InvestPortal.Core.Search;
using InvestPortal.Search;
using InvestPortal.Search.Elasticsearch;

namespace InvestPortal.UnitTests.Search.Elasticsearch.Live;

/// <summary>
/// An engine on the server named by INVESTPORTAL_ELASTICSEARCH_URL (optional: INVESTPORTAL_ELASTICSEARCH_API_KEY, or
/// _USERNAME and _PASSWORD, and _CERTIFICATE_FINGERPRINT), under an index prefix of its own, removed by <see cref="DeleteAsync"/>.
/// Files in this folder are compiled only when that variable is set (see the test csproj), so without a server
/// these suites do not exist rather than being skipped.
/// </summary>
public sealed class LiveElasticsearch
{
    private readonly ElasticsearchClient _client;
    private readonly string _prefix = "ipt-" + Guid.NewGuid().ToString("N")[..12];

    public LiveElasticsearch(SearchSemantics semantics)
    {
        var options = new ElasticsearchOptions
        {
            Url = Environment.GetEnvironmentVariable("INVESTPORTAL_ELASTICSEARCH_URL"),
            ApiKey = Environment.GetEnvironmentVariable("INVESTPORTAL_ELASTICSEARCH_API_KEY"),
            Username = Environment.GetEnvironmentVariable("INVESTPORTAL_ELASTICSEARCH_USERNAME"),
            Password = Environment.GetEnvironmentVariable("INVESTPORTAL_ELASTICSEARCH_PASSWORD"),
            CertificateFingerprint = Environment.GetEnvironmentVariable("INVESTPORTAL_ELASTICSEARCH_CERTIFICATE_FINGERPRINT"),
            IndexPrefix = _prefix,
        };
        _client = new ElasticsearchClient(ElasticsearchConnection.CreateSettings(options));
        Engine = new ElasticsearchSearchEngine(_client, _prefix, semantics);
    }

    public ElasticsearchSearchEngine Engine { get; }

    public async Task DeleteAsync()
    {
        Engine.Dispose();
        // Wildcard deletes are refused by default (action.destructive_requires_name), so name every index.
        var found = await _client.Indices.GetAsync(new GetIndexRequest(Indices.Parse(_prefix + "-*")) { IgnoreUnavailable = true, AllowNoIndices = true });
        var names = found.Indices?.Keys.ToList() ?? [];
        if (names.Count > 0) await _client.Indices.DeleteAsync(new DeleteIndexRequest(Indices.Parse(string.Join(',', names))));
    }
}
