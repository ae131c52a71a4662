using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using InvestPortal.Core.Search;

namespace InvestPortal.Search.Elasticsearch;

/// <summary>
/// A full rebuild into fresh versioned indices while searches keep using the old ones. From its start the new
/// indices carry the rebuild alias ("{alias}-rebuild") that every live write on every node also writes through, so
/// a listing published or closed anywhere during the rebuild reaches the new index; the rebuild's own documents are
/// written with op_type create, so they never overwrite such a newer write. Completion replays this process's
/// journal, refreshes, and swaps all three aliases in ONE _aliases request (remove old + add new + remove the rebuild
/// alias, atomic). Every remove carries must_exist: if another rebuild swapped first, the whole request fails and
/// nothing changes, instead of "succeeding" with per-action errors and leaving an alias on two indices. A swap whose
/// answer is lost is verified by reading the aliases. Disposing without completing deletes the new indices only
/// after checking that no live alias points at them.
/// </summary>
internal sealed class ElasticsearchRebuild(ElasticsearchSearchEngine engine, string version) : ISearchRebuild
{
    private bool _completed;
    private bool _disposed;

    public List<(Func<ElasticsearchRebuild, string> Index, List<ElasticsearchSearchEngine.Change> Changes, string Operation)> Journal { get; } = [];

    private ElasticsearchIndices Indices => engine.Indices;
    public string OpportunitiesIndex => ElasticsearchIndices.Versioned(Indices.Opportunities, version);
    public string InvestorsIndex => ElasticsearchIndices.Versioned(Indices.Investors, version);
    public string SavedSearchesIndex => ElasticsearchIndices.Versioned(Indices.SavedSearches, version);
    private IReadOnlyList<string> NewIndices => [OpportunitiesIndex, InvestorsIndex, SavedSearchesIndex];

    // No refresh per batch: nobody searches these indices before the swap, and completion refreshes once.
    public Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default) =>
        Create(OpportunitiesIndex, documents.Select(d => (d.Id, ElasticsearchDocuments.From(d))), "rebuilding opportunities", ct);

    public Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default) =>
        Create(InvestorsIndex, documents.Select(d => (d.Id, ElasticsearchDocuments.From(d))), "rebuilding investor profiles", ct);

    public Task StoreSavedSearchesAsync(IReadOnlyCollection<KeyValuePair<Guid, OpportunityQuery>> savedSearches, CancellationToken ct = default) =>
        Create(SavedSearchesIndex, savedSearches.Select(s => (s.Key, engine.SavedSearchDocument(s.Key, s.Value))), "rebuilding saved searches", ct);

    public Task DeleteOpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        Delete(OpportunitiesIndex, ids, "removing opportunities closed during the rebuild", ct);

    public Task DeleteInvestorsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        Delete(InvestorsIndex, ids, "removing investor profiles hidden during the rebuild", ct);

    public Task DeleteSavedSearchesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        Delete(SavedSearchesIndex, ids, "removing saved searches deleted during the rebuild", ct);

    /// <summary>Straight to the new versioned index; a document that is already gone (a live delete came later) is fine.</summary>
    private Task Delete(string index, IReadOnlyCollection<Guid> ids, string operation, CancellationToken ct) =>
        ids.Count == 0 ? Task.CompletedTask
            : engine.BulkAsync(index, ids.Select(id => (IBulkOperation)new BulkDeleteOperation(id.ToString())).ToList(), null, operation, ct,
                ignorable: (_, item) => item.Status == 404 && item.Error is null);

    /// <summary>op_type create: a document a live write already put into the new index is newer than ours and stays.</summary>
    private Task Create(string index, IEnumerable<(Guid Id, JsonObject Doc)> documents, string operation, CancellationToken ct) =>
        engine.BulkAsync(index, documents.Select(d => (IBulkOperation)new BulkCreateOperation<JsonObject>(d.Doc) { Id = d.Id.ToString() }).ToList(),
            null, operation, ct, ignorable: (_, item) => item.Error?.Type == "version_conflict_engine_exception");

    public async Task CompleteAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) return;
        await ReplayAsync(ct);
        var client = engine.Client;
        await ElasticsearchSearchEngine.Call(() => client.Indices.RefreshAsync(new RefreshRequest(string.Join(',', NewIndices)), ct), "refreshing rebuilt indices");

        var current = await engine.AliasTargetsAsync(Indices.Aliases, ct);
        var old = current.SelectMany(a => a.Value.Where(index => !NewIndices.Contains(index)).Select(index => (Index: index, Alias: a.Key))).ToList();
        var actions = new List<IndexUpdateAliasesAction>();
        foreach (var (index, alias) in old) actions.Add(new RemoveAction { Index = index, Alias = alias, MustExist = true });
        foreach (var (index, alias) in NewIndices.Zip(Indices.Aliases))
        {
            actions.Add(new AddAction { Index = index, Alias = alias });
            actions.Add(new RemoveAction { Index = index, Alias = ElasticsearchIndices.RebuildAlias(alias), MustExist = true });
        }
        try
        {
            await ElasticsearchSearchEngine.Call(() => client.Indices.UpdateAliasesAsync(ElasticsearchSearchEngine.AliasUpdate(actions), ct), "swapping aliases");
        }
        catch (SearchUnavailableException ex)
        {
            // Refused (another rebuild swapped first: a must_exist remove found nothing) or no answer at all (the
            // change may have been applied): the aliases themselves say which.
            if (!await SwapAppliedAsync(ct))
                throw new SearchUnavailableException($"The rebuild's alias swap did not happen ({ex.Message}); the live indices are unchanged.", ex);
        }
        _completed = true;

        // Writes journaled between the replay and the swap (they also reached the new index through the rebuild alias).
        await ReplayAsync(ct);
        engine.EndRebuild(this);

        var stale = old.Select(x => x.Index).Distinct().ToList();
        if (stale.Count > 0)
        {
            // Searches already use the new indices; a failed delete only leaves disk to reclaim, so it is not fatal.
            try
            {
                await ElasticsearchSearchEngine.Call(() => client.Indices.DeleteAsync(new DeleteIndexRequest(string.Join(',', stale))
                    { Timeout = ElasticsearchSearchEngine.AckTimeout, MasterTimeout = ElasticsearchSearchEngine.AckTimeout }, ct), "deleting old indices", 404);
            }
            catch (SearchUnavailableException) { }
        }
    }

    /// <summary>True when every alias points at exactly this rebuild's index.</summary>
    private async Task<bool> SwapAppliedAsync(CancellationToken ct)
    {
        var current = await engine.AliasTargetsAsync(Indices.Aliases, ct);
        return NewIndices.Zip(Indices.Aliases).All(x => current.TryGetValue(x.Second, out var targets) && targets.SequenceEqual([x.First]));
    }

    private async Task ReplayAsync(CancellationToken ct)
    {
        foreach (var (index, changes, operation) in engine.DrainJournal(this))
            await engine.BulkAsync(index(this), changes.Select(c => c.Op()).ToList(), null, operation + " (replayed into the rebuild)", ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        engine.EndRebuild(this);
        if (_completed) return;
        try
        {
            // A swap that timed out may have been applied after all: then these indices are the live ones and
            // deleting them would take the aliases with them (and the next write would auto-create a bare index).
            var current = await engine.AliasTargetsAsync(Indices.Aliases, CancellationToken.None);
            if (current.Values.Any(targets => targets.Any(NewIndices.Contains))) return;
            await ElasticsearchSearchEngine.Call(() => engine.Client.Indices.DeleteAsync(
                new DeleteIndexRequest(string.Join(',', NewIndices))
                {
                    IgnoreUnavailable = true,
                    Timeout = ElasticsearchSearchEngine.AckTimeout,
                    MasterTimeout = ElasticsearchSearchEngine.AckTimeout,
                }, CancellationToken.None), "abandoning a rebuild", 404);
        }
        catch (SearchUnavailableException) { /* unreadable aliases: keep the indices; the next rebuild removes an abandoned one */ }
    }
}
