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
    /// <summary>Documents per _bulk request: large enough for throughput.</summary>
    internal const int BulkBatch = 1000;
    /// <summary>
    /// Bytes per _bulk request (estimated from the documents' JSON): far below http.max_content_length (100 MB by
    /// default, often lowered behind proxies) even when a batch of 1000 listings carries long descriptions.
    /// </summary>
    internal const int BulkBytes = 8 * 1024 * 1024;

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
        Write(documents.Select(d => new Change(d.Id, ElasticsearchDocuments.From(d))).ToList(), r => r.OpportunitiesIndex, _indices.Opportunities, "indexing opportunities", ct);

    public Task DeleteOpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        Write(ids.Select(id => new Change(id, null)).ToList(), r => r.OpportunitiesIndex, _indices.Opportunities, "deleting opportunities", ct);

    public Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default) =>
        Write(documents.Select(d => new Change(d.Id, ElasticsearchDocuments.From(d))).ToList(), r => r.InvestorsIndex, _indices.Investors, "indexing investor profiles", ct);

    public Task DeleteInvestorsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        Write(ids.Select(id => new Change(id, null)).ToList(), r => r.InvestorsIndex, _indices.Investors, "deleting investor profiles", ct);

    public Task StoreSavedSearchAsync(Guid id, OpportunityQuery query, CancellationToken ct = default) =>
        Write([new Change(id, SavedSearchDocument(id, query))], r => r.SavedSearchesIndex, _indices.SavedSearches, "storing a saved search", ct);

    public Task DeleteSavedSearchAsync(Guid id, CancellationToken ct = default) =>
        Write([new Change(id, null)], r => r.SavedSearchesIndex, _indices.SavedSearches, "deleting a saved search", ct);

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

    /// <summary>One document written (Doc) or deleted (Doc null).</summary>
    internal sealed record Change(Guid Id, JsonObject? Doc)
    {
        public IBulkOperation Op() => Doc is null
            ? new BulkDeleteOperation(Id.ToString())
            : new BulkIndexOperation<JsonObject>(Doc) { Id = Id.ToString() };

        public IBulkOperation Op(string index) => Doc is null
            ? new BulkDeleteOperation(Id.ToString()) { Index = index }
            : new BulkIndexOperation<JsonObject>(Doc) { Id = Id.ToString(), Index = index };
    }

    /// <summary>
    /// Writes through the alias (visible on return) and, in the same _bulk, through the alias's rebuild alias
    /// ("{alias}-rebuild"), which exists only while some process — the reindex command, another web node — is
    /// rebuilding: its new indices see every write from every node, so the swap loses nothing. require_alias
    /// keeps a missing alias from auto-creating a concrete index with dynamic mappings; for the rebuild alias that
    /// refusal just means no rebuild is running. A rebuild in this process also journals the write BEFORE it is
    /// sent and replays it after its own documents (which it writes with op_type create, never over a live write).
    /// </summary>
    private async Task Write(List<Change> changes, Func<ElasticsearchRebuild, string> rebuildIndex, string alias, string operation, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        await EnsureIndicesAsync(ct);
        lock (_rebuildLock)
        {
            _rebuild?.Journal.Add((rebuildIndex, changes, operation));
        }
        var rebuildAlias = ElasticsearchIndices.RebuildAlias(alias);
        var ops = new List<IBulkOperation>(changes.Count * 2);
        var throughRebuild = new HashSet<IBulkOperation>(ReferenceEqualityComparer.Instance);
        foreach (var change in changes)
        {
            ops.Add(change.Op());
            var copy = change.Op(rebuildAlias);
            ops.Add(copy);
            throughRebuild.Add(copy);
        }
        await BulkAsync(alias, ops, Refresh.WaitFor, operation, ct, requireAlias: true,
            ignorable: (op, item) => throughRebuild.Contains(op) && item.Error?.Type == "index_not_found_exception");
    }

    /// <summary>
    /// Sends operations in batches bounded by count and by bytes. An item error fails the call unless
    /// <paramref name="ignorable"/> says it is an expected outcome for that operation.
    /// </summary>
    internal async Task BulkAsync(string index, IReadOnlyList<IBulkOperation> ops, Refresh? refresh, string operation, CancellationToken ct,
        bool requireAlias = false, Func<IBulkOperation, Elastic.Clients.Elasticsearch.Core.Bulk.ResponseItem, bool>? ignorable = null)
    {
        foreach (var batch in Batches(ops))
        {
            var request = new BulkRequest(index)
            {
                Operations = new BulkOperationsCollection(batch),
                Refresh = refresh,
                RequireAlias = requireAlias ? true : null,
            };
            // HTTP 200 passes the first check so that failed items are reported one by one.
            var response = await Call(() => _client.BulkAsync(request, ct), operation, 200);
            ElasticsearchErrors.CheckBulk(response, operation,
                ignorable is null ? null : i => i < batch.Count && ignorable(batch[i], response.Items.ElementAt(i)));
        }
    }

    /// <summary>Batches of at most <see cref="BulkBatch"/> operations and about <see cref="BulkBytes"/> bytes (at least one operation each).</summary>
    internal static IEnumerable<List<IBulkOperation>> Batches(IReadOnlyList<IBulkOperation> ops)
    {
        var batch = new List<IBulkOperation>();
        long bytes = 0;
        foreach (var op in ops)
        {
            var size = EstimatedBytes(op);
            if (batch.Count > 0 && (batch.Count >= BulkBatch || bytes + size > BulkBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(op);
            bytes += size;
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>The action line plus the document's JSON (UTF-8): what the operation adds to the request body.</summary>
    private static long EstimatedBytes(IBulkOperation op) => 200 + op switch
    {
        BulkIndexOperation<JsonObject> index => System.Text.Encoding.UTF8.GetByteCount(index.Document.ToJsonString()),
        BulkCreateOperation<JsonObject> create => System.Text.Encoding.UTF8.GetByteCount(create.Document.ToJsonString()),
        _ => 0,
    };

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
            await ClearAbandonedRebuildsAsync(ct);
            foreach (var alias in _indices.Aliases)
                await Call(() => _client.Indices.CreateAsync(_indices.Create(alias, version, needsRebuild: false), ct), $"creating rebuild index for {alias}");
            // Every writer (any process) now also writes into the new indices. is_write_index makes a second
            // rebuild's add fail ("more than one write index") instead of leaving live writes without a target.
            var actions = _indices.Aliases.Select(alias => (IndexUpdateAliasesAction)new AddAction
            {
                Index = ElasticsearchIndices.Versioned(alias, version),
                Alias = ElasticsearchIndices.RebuildAlias(alias),
                IsWriteIndex = true,
            }).ToList();
            await Call(() => _client.Indices.UpdateAliasesAsync(AliasUpdate(actions), ct), "opening the rebuild to live writes");
        }
        catch
        {
            await rebuild.DisposeAsync();
            throw;
        }
        return rebuild;
    }

    /// <summary>
    /// A rebuild alias left by a rebuild that died without cleaning up would make every later rebuild fail; one older
    /// than <see cref="AbandonedRebuildAge"/> is removed with its index. A younger one means a rebuild is running elsewhere.
    /// </summary>
    private async Task ClearAbandonedRebuildsAsync(CancellationToken ct)
    {
        var rebuildAliases = _indices.Aliases.Select(ElasticsearchIndices.RebuildAlias).ToList();
        var current = await AliasTargetsAsync(rebuildAliases, ct);
        foreach (var (alias, indices) in current)
        {
            foreach (var index in indices)
            {
                var started = ElasticsearchIndices.VersionTime(index);
                if (started is { } s && _time.GetUtcNow() - s < AbandonedRebuildAge)
                    throw new SearchUnavailableException($"Another search index rebuild is running (index {index}, started {s:u}); try again when it has finished.");
                _log.LogWarning("Removing abandoned rebuild index {Index} (alias {Alias}).", index, alias);
                await Call(() => _client.Indices.DeleteAsync(new DeleteIndexRequest(index) { Timeout = AckTimeout, MasterTimeout = AckTimeout }, ct),
                    "removing an abandoned rebuild", 404);
            }
        }
    }

    /// <summary>
    /// A rebuild of the largest catalogue takes minutes; one this old has died. Even if it has not, removing its index
    /// is safe: its swap then fails whole (index not found) and the live indices stay as they are.
    /// </summary>
    internal static readonly TimeSpan AbandonedRebuildAge = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The server-side ack and master timeouts of index and alias changes: shorter than the client's request timeout
    /// (<see cref="ElasticsearchConnection.RequestTimeout"/>), so the server answers before the client gives up and an
    /// "unknown outcome" is rare. It can still happen (a lost connection), which is why the swap is verified.
    /// </summary>
    internal static readonly Duration AckTimeout = TimeSpan.FromSeconds(10);

    internal static UpdateAliasesRequest AliasUpdate(List<IndexUpdateAliasesAction> actions) =>
        new() { Actions = actions, Timeout = AckTimeout, MasterTimeout = AckTimeout };

    /// <summary>Which indices each of the aliases points at (aliases without an index are left out).</summary>
    internal async Task<Dictionary<string, List<string>>> AliasTargetsAsync(IReadOnlyList<string> aliases, CancellationToken ct)
    {
        var response = await Call(() => _client.Indices.GetAliasAsync(new GetAliasRequest(Names.Parse(string.Join(',', aliases))) { IgnoreUnavailable = true }, ct),
            "reading aliases", 404);
        var result = new Dictionary<string, List<string>>();
        foreach (var (index, value) in response.Aliases ?? new Dictionary<string, IndexAliases>())
        {
            foreach (var alias in value.Aliases.Keys.Where(aliases.Contains))
            {
                if (!result.TryGetValue(alias, out var list)) result[alias] = list = [];
                list.Add(index);
            }
        }
        foreach (var list in result.Values) list.Sort(StringComparer.Ordinal);
        return result;
    }

    internal void EndRebuild(ElasticsearchRebuild rebuild)
    {
        lock (_rebuildLock)
        {
            if (ReferenceEquals(_rebuild, rebuild)) _rebuild = null;
        }
    }

    /// <summary>Takes the journal of writes made during the rebuild; later writes go straight to the swapped aliases.</summary>
    internal List<(Func<ElasticsearchRebuild, string> Index, List<Change> Changes, string Operation)> DrainJournal(ElasticsearchRebuild rebuild)
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
