using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Search.Lucene;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Search;

/// <summary>
/// Who rebuilds the index when `reindex` runs. A Lucene index belongs to the one process that has it open (see
/// <c>LuceneIndexOwner</c>): while the server runs, a rebuild in the command's process would swap folders under the
/// server's writer and leave the server searching its old index. So when the index is in use, the command only
/// enqueues a <see cref="OutboxKind"/> message, and the server's outbox dispatcher runs the rebuild in the owning
/// process (<see cref="SearchRebuildOutboxHandler"/>). With no server running — or with Elasticsearch, whose rebuild
/// swaps aliases on the cluster that every node reads — the command rebuilds directly.
/// </summary>
public sealed class SearchRebuildRouting(IOptions<SearchOptions> options, PortalPaths paths, PortalDbContext db, IServiceProvider services)
{
    public const string OutboxKind = "search-rebuild";

    /// <summary>The Lucene index folder the engine of this configuration uses.</summary>
    public string LuceneIndexPath => string.IsNullOrWhiteSpace(options.Value.IndexPath) ? paths.Index : options.Value.IndexPath;

    /// <summary>Whether another process (a running server) owns this configuration's Lucene index.</summary>
    public bool IndexOwnedElsewhere => options.Value.Engine == SearchEngineKind.Lucene && LuceneSearchEngine.IsIndexInUse(LuceneIndexPath);

    /// <summary>
    /// After an import by a command while no server owns the Lucene index: when the pending index messages call for a
    /// rebuild (<see cref="SearchOptions.RebuildForBacklogOf"/>), rebuilds here, covering them, so the next start finds
    /// the index complete instead of rebuilding or indexing message by message after it. Null when nothing was done:
    /// a small import is left to the server's dispatcher, and a running server (or Elasticsearch, shared by every node)
    /// takes the backlog itself.
    /// </summary>
    public async Task<RebuildReport?> IndexBacklogWithoutServerAsync(CancellationToken ct = default)
    {
        if (options.Value.Engine != SearchEngineKind.Lucene || IndexOwnedElsewhere) return null;
        if (!await services.GetRequiredService<IndexBacklog>().CallsForRebuildAsync(options.Value.RebuildForBacklogOf, ct)) return null;
        return await services.GetRequiredService<SearchIndexer>().RebuildAsync(ct);
    }

    public async Task<ReindexOutcome> ReindexAsync(string requestedBy, CancellationToken ct = default)
    {
        // Decided before the engine is created: creating it would take the index for this process.
        if (IndexOwnedElsewhere)
        {
            var message = db.Enqueue(OutboxKind, new SearchRebuildRequest(DateTimeOffset.UtcNow, requestedBy), $"{OutboxKind}:{Guid.NewGuid():N}");
            await db.SaveChangesAsync(ct);
            return new ReindexOutcome(null, message.Id);
        }
        var indexer = services.GetRequiredService<SearchIndexer>();
        return new ReindexOutcome(await indexer.RebuildAsync(ct), null);
    }
}
