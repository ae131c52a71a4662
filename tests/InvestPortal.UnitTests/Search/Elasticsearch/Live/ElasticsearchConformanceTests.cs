using InvestPortal.Core.Search;
using Xunit.Abstractions;

namespace InvestPortal.UnitTests.Search.Elasticsearch.Live;

/// <summary>The shared conformance suite against a real Elasticsearch 9; each test has its own indices, deleted afterwards.</summary>
public sealed class ElasticsearchConformanceTests : SearchEngineConformanceTests
{
    private LiveElasticsearch? _live;

    protected override Task<ISearchEngine> CreateEngineAsync(SearchSemantics semantics)
    {
        _live = new LiveElasticsearch(semantics);
        return Task.FromResult<ISearchEngine>(_live.Engine);
    }

    protected override Task DisposeEngineAsync(ISearchEngine engine) => _live?.DeleteAsync() ?? Task.CompletedTask;
}

/// <summary>The judged relevance set on Elasticsearch, with the same thresholds as on Lucene.</summary>
public sealed class ElasticsearchRelevanceTests(ITestOutputHelper output) : RelevanceTests(output)
{
    private LiveElasticsearch? _live;

    protected override Task<ISearchEngine> CreateEngineAsync(SearchSemantics semantics)
    {
        _live = new LiveElasticsearch(semantics);
        return Task.FromResult<ISearchEngine>(_live.Engine);
    }

    protected override Task DisposeEngineAsync(ISearchEngine engine) => _live?.DeleteAsync() ?? Task.CompletedTask;
}
