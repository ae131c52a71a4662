using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport.Extensions;
using Elastic.Transport.Products.Elasticsearch;
using InvestPortal.Core.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace InvestPortal.Search.Elasticsearch;

/// <summary>
/// The production engine: an Elasticsearch 9 cluster through Elastic.Clients.Elasticsearch. Meaning comes from Core
/// (<see cref="SearchSemantics"/> plans, <see cref="MatchScorer"/> reasons); this class only translates it into
/// requests. Three aliased indices (opportunities, investors, saved searches as a percolator); writes use
/// refresh=wait_for so a completed write is visible to the next search, as the contract requires.
/// Any failure is a <see cref="SearchUnavailableException"/> with the server's reason.
/// </summary>
public sealed partial class ElasticsearchSearchEngine : ISearchEngine, IDisposable
{
    /// <summary>Documents per _bulk request: large enough for throughput, small enough to stay far below http.max_content_length.</summary>
    internal const int BulkBatch = 1000;

    private readonly ElasticsearchClient _client;
    private readonly ElasticsearchIndices _indices;
    private readonly SearchSemantics _semantics;
    private readonly ElasticsearchQueries _queries;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _ensureLock = new(1, 1);
    private readonly Lock _rebuildLock = new();
    private volatile bool _ready;
    private ElasticsearchRebuild? _rebuild;

    public ElasticsearchSearchEngine(ElasticsearchClient client, string indexPrefix, SearchSemantics semantics,
        ILogger<ElasticsearchSearchEngine>? log = null, TimeProvider? time = null)
    {
        _client = client;
        _indices = new ElasticsearchIndices(indexPrefix);
        _semantics = semantics;
        _queries = new ElasticsearchQueries(semantics);
        _log = log ?? NullLogger<ElasticsearchSearchEngine>.Instance;
        _time = time ?? TimeProvider.System;
    }

    public string Name => "elasticsearch";

    internal ElasticsearchIndices Indices => _indices;
    internal ElasticsearchClient Client => _client;

    // ---------- indices ----------

    /// <summary>
    /// Creates any missing alias with an empty bootstrap index (marked as needing a rebuild), once per process.
    /// Done lazily so the web app starts even while the cluster is down; the first call reports the outage.
    /// </summary>
    internal async Task EnsureIndicesAsync(CancellationToken ct)
    {
        if (_ready) return;
        await _ensureLock.WaitAsync(ct);
        try
        {
            if (_ready) return;
            foreach (var alias in _indices.Aliases)
            {
                var exists = await Call(() => _client.Indices.ExistsAliasAsync(new ExistsAliasRequest(alias), ct), $"checking alias {alias}", 404);
                if (exists.Exists) continue;
                var create = await Call(() => _client.Indices.CreateAsync(_indices.Create(alias, ElasticsearchIndices.BootstrapVersion, needsRebuild: true), ct),
                    $"creating index for {alias}", 400);
                if (create.IsValidResponse)
                {
                    _log.LogWarning("Created empty Elasticsearch index behind alias {Alias}; run 'reindex' to fill it.", alias);
                    continue;
                }
                // Another node created it between our check and our create: that is the outcome we wanted.
                if (create.ElasticsearchServerError?.Error?.Type != "resource_already_exists_exception")
                    ElasticsearchErrors.Check(create, $"creating index for {alias}");
            }
            _ready = true;
        }
        finally { _ensureLock.Release(); }
    }

    // ---------- writes ----------

    public Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default) =>
        Write(documents.Select(d => (IBulkOperation)IndexOp(d.Id, ElasticsearchDocuments.From(d))).ToList(), r => r.OpportunitiesIndex, _indices.Opportunities, "indexing opportunities", ct);

    public Task DeleteOpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        Write(ids.Select(id => (IBulkOperation)DeleteOp(id)).ToList(), r => r.OpportunitiesIndex, _indices.Opportunities, "deleting opportunities", ct);

    public Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default) =>
        Write(documents.Select(d => (IBulkOperation)IndexOp(d.Id, ElasticsearchDocuments.From(d))).ToList(), r => r.InvestorsIndex, _indices.Investors, "indexing investor profiles", ct);

    public Task DeleteInvestorsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        Write(ids.Select(id => (IBulkOperation)DeleteOp(id)).ToList(), r => r.InvestorsIndex, _indices.Investors, "deleting investor profiles", ct);

    public Task StoreSavedSearchAsync(Guid id, OpportunityQuery query, CancellationToken ct = default) =>
        Write([IndexOp(id, SavedSearchDocument(id, query))], r => r.SavedSearchesIndex, _indices.SavedSearches, "storing a saved search", ct);

    public Task DeleteSavedSearchAsync(Guid id, CancellationToken ct = default) =>
        Write([DeleteOp(id)], r => r.SavedSearchesIndex, _indices.SavedSearches, "deleting a saved search", ct);

    /// <summary>
    /// The stored query is JSON written by the client's own request serializer (the wire format of a query),
    /// kept as a JSON node: a typed Query object inside a source document would go through the source serializer,
    /// which does not know the query DSL.
    /// </summary>
    internal JsonObject SavedSearchDocument(Guid id, OpportunityQuery query)
    {
        var dsl = ElasticsearchQueries.SavedSearch(_semantics.Plan(query));
        var json = _client.RequestResponseSerializer.SerializeToString(dsl, Elastic.Transport.SerializationFormatting.None);
        return ElasticsearchDocuments.SavedSearch(id, JsonNode.Parse(json)!);
    }

    internal static BulkIndexOperation<JsonObject> IndexOp(Guid id, JsonObject doc) => new(doc) { Id = id.ToString() };
    internal static BulkDeleteOperation DeleteOp(Guid id) => new(id.ToString());

    /// <summary>Writes through the alias (visible on return), and replays into a running rebuild so its swap loses nothing.</summary>
    private async Task Write(List<IBulkOperation> ops, Func<ElasticsearchRebuild, string> rebuildIndex, string alias, string operation, CancellationToken ct)
    {
        if (ops.Count == 0) return;
        await EnsureIndicesAsync(ct);
        await BulkAsync(alias, ops, Refresh.WaitFor, operation, ct);
        lock (_rebuildLock)
        {
            // Replayed at CompleteAsync, after the rebuild's own (older) documents, like the Lucene engine's journal.
            _rebuild?.Journal.Add((rebuildIndex, ops, operation));
        }
    }

    internal async Task BulkAsync(string index, IReadOnlyList<IBulkOperation> ops, Refresh? refresh, string operation, CancellationToken ct)
    {
        foreach (var batch in ops.Chunk(BulkBatch))
        {
            var request = new BulkRequest(index) { Operations = new BulkOperationsCollection(batch), Refresh = refresh };
            // HTTP 200 passes the first check so that failed items are reported one by one.
            ElasticsearchErrors.CheckBulk(await Call(() => _client.BulkAsync(request, ct), operation, 200), operation);
        }
    }

    // ---------- rebuild ----------

    public async Task<ISearchRebuild> BeginRebuildAsync(CancellationToken ct = default)
    {
        await EnsureIndicesAsync(ct);
        var version = ElasticsearchIndices.RebuildVersion(_time.GetUtcNow());
        var rebuild = new ElasticsearchRebuild(this, version);
        lock (_rebuildLock)
        {
            if (_rebuild is not null) throw new InvalidOperationException("A search index rebuild is already running in this process.");
            _rebuild = rebuild;
        }
        try
        {
            foreach (var alias in _indices.Aliases)
                await Call(() => _client.Indices.CreateAsync(_indices.Create(alias, version, needsRebuild: false), ct), $"creating rebuild index for {alias}");
        }
        catch
        {
            await rebuild.DisposeAsync();
            throw;
        }
        return rebuild;
    }

    internal void EndRebuild(ElasticsearchRebuild rebuild)
    {
        lock (_rebuildLock)
        {
            if (ReferenceEquals(_rebuild, rebuild)) _rebuild = null;
        }
    }

    /// <summary>Takes the journal of writes made during the rebuild; later writes go straight to the swapped aliases.</summary>
    internal List<(Func<ElasticsearchRebuild, string> Index, List<IBulkOperation> Ops, string Operation)> DrainJournal(ElasticsearchRebuild rebuild)
    {
        lock (_rebuildLock)
        {
            var items = rebuild.Journal.ToList();
            rebuild.Journal.Clear();
            return items;
        }
    }

    public void Dispose() => _ensureLock.Dispose();

    // ---------- calls ----------

    /// <summary>Runs one client call: transport exceptions and invalid answers become <see cref="SearchUnavailableException"/>.</summary>
    internal static async Task<T> Call<T>(Func<Task<T>> call, string operation, params int[] alsoFine) where T : ElasticsearchResponse
    {
        T response;
        try { response = await call(); }
        catch (OperationCanceledException) { throw; }
        catch (Exception ex) { throw ElasticsearchErrors.Wrap(ex, operation); }
        return ElasticsearchErrors.Check(response, operation, alsoFine);
    }
}
