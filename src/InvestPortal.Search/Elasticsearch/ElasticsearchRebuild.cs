using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using InvestPortal.Core.Search;

namespace InvestPortal.Search.Elasticsearch;

/// <summary>
/// A full rebuild into fresh versioned indices while searches keep using the old ones. Completion replays the
/// writes made meanwhile, refreshes, swaps all three aliases in ONE _aliases request (remove old + add new, atomic,
/// so no search ever sees a missing or half-built index), then deletes the old indices. Disposing without
/// completing deletes the new indices and leaves the live ones untouched.
/// </summary>
internal sealed class ElasticsearchRebuild(ElasticsearchSearchEngine engine, string version) : ISearchRebuild
{
    private bool _completed;
    private bool _disposed;

    public List<(Func<ElasticsearchRebuild, string> Index, List<IBulkOperation> Ops, string Operation)> Journal { get; } = [];

    private ElasticsearchIndices Indices => engine.Indices;
    public string OpportunitiesIndex => ElasticsearchIndices.Versioned(Indices.Opportunities, version);
    public string InvestorsIndex => ElasticsearchIndices.Versioned(Indices.Investors, version);
    public string SavedSearchesIndex => ElasticsearchIndices.Versioned(Indices.SavedSearches, version);
    private IReadOnlyList<string> NewIndices => [OpportunitiesIndex, InvestorsIndex, SavedSearchesIndex];

    // No refresh per batch: nobody searches these indices before the swap, and completion refreshes once.
    public Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default) =>
        engine.BulkAsync(OpportunitiesIndex, Ops(documents.Select(d => ElasticsearchSearchEngine.IndexOp(d.Id, ElasticsearchDocuments.From(d)))),
            null, "rebuilding opportunities", ct);

    public Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default) =>
        engine.BulkAsync(InvestorsIndex, Ops(documents.Select(d => ElasticsearchSearchEngine.IndexOp(d.Id, ElasticsearchDocuments.From(d)))),
            null, "rebuilding investor profiles", ct);

    public Task StoreSavedSearchesAsync(IReadOnlyCollection<KeyValuePair<Guid, OpportunityQuery>> savedSearches, CancellationToken ct = default) =>
        engine.BulkAsync(SavedSearchesIndex, Ops(savedSearches.Select(s => ElasticsearchSearchEngine.IndexOp(s.Key, engine.SavedSearchDocument(s.Key, s.Value)))),
            null, "rebuilding saved searches", ct);

    public async Task CompleteAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) return;
        await ReplayAsync(ct);
        var client = engine.Client;
        await ElasticsearchSearchEngine.Call(() => client.Indices.RefreshAsync(new RefreshRequest(string.Join(',', NewIndices)), ct), "refreshing rebuilt indices");

        var current = await ElasticsearchSearchEngine.Call(
            () => client.Indices.GetAliasAsync(new GetAliasRequest(Names.Parse(string.Join(',', Indices.Aliases))), ct), "reading aliases", 404);
        var old = (current.Aliases ?? new Dictionary<string, IndexAliases>())
            .SelectMany(index => index.Value.Aliases.Keys.Select(alias => (Index: index.Key, Alias: alias)))
            .Where(x => Indices.Aliases.Contains(x.Alias) && !NewIndices.Contains(x.Index))
            .ToList();
        var actions = new List<IndexUpdateAliasesAction>();
        foreach (var (index, alias) in old) actions.Add(new RemoveAction { Index = index, Alias = alias });
        foreach (var (index, alias) in NewIndices.Zip(Indices.Aliases)) actions.Add(new AddAction { Index = index, Alias = alias });
        await ElasticsearchSearchEngine.Call(() => client.Indices.UpdateAliasesAsync(new UpdateAliasesRequest { Actions = actions }, ct), "swapping aliases");
        _completed = true;

        // Writes that reached the old indices between the replay and the swap.
        await ReplayAsync(ct);
        engine.EndRebuild(this);

        var stale = old.Select(x => x.Index).Distinct().ToList();
        if (stale.Count > 0)
        {
            // Searches already use the new indices; a failed delete only leaves disk to reclaim, so it is not fatal.
            try
            {
                await ElasticsearchSearchEngine.Call(() => client.Indices.DeleteAsync(new DeleteIndexRequest(string.Join(',', stale)), ct), "deleting old indices", 404);
            }
            catch (SearchUnavailableException) { }
        }
    }

    private async Task ReplayAsync(CancellationToken ct)
    {
        foreach (var (index, ops, operation) in engine.DrainJournal(this))
            await engine.BulkAsync(index(this), ops, null, operation + " (replayed into the rebuild)", ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        engine.EndRebuild(this);
        if (_completed) return;
        try
        {
            await ElasticsearchSearchEngine.Call(() => engine.Client.Indices.DeleteAsync(
                new DeleteIndexRequest(string.Join(',', NewIndices)) { IgnoreUnavailable = true }, CancellationToken.None), "abandoning a rebuild", 404);
        }
        catch (SearchUnavailableException) { /* the half-built indices are never aliased; the next rebuild is unaffected */ }
    }

    private static List<IBulkOperation> Ops<T>(IEnumerable<T> ops) where T : IBulkOperation => ops.Cast<IBulkOperation>().ToList();
}
