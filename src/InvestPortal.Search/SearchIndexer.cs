using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Search;

/// <summary>
/// Keeps the index true to the database: <see cref="RebuildAsync"/> rebuilds everything (the `reindex` command,
/// a missing or corrupt index at start, a glossary change); <see cref="IndexAsync"/> re-reads the given ids and
/// indexes what is indexable now, deleting the rest (drafts, closed, hidden, deleted).
/// </summary>
public sealed class SearchIndexer(PortalDbContext db, ISearchEngine engine, SearchDocumentBuilder builder,
    SearchRebuildCoordinator coordinator, ILogger<SearchIndexer> log, IEnumerable<ISearchDocumentInputs>? inputs = null)
{
    public const int BatchSize = 500;

    /// <summary>
    /// Reads the catalogue a page at a time by key (Id after the last one seen: each page costs the same, where an
    /// OFFSET re-walks every row before it), builds each page's documents on every core while the next page is read,
    /// and hands them to the engine. Index messages pending when it starts are covered by what it reads, so they are
    /// marked done at the end instead of indexing the same listings again (<see cref="SearchRebuildCoordinator"/>).
    /// </summary>
    public async Task<RebuildReport> RebuildAsync(CancellationToken ct = default)
    {
        var started = DateTime.UtcNow;
        foreach (var input in inputs ?? []) await input.RefreshAsync(ct);
        var covered = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutboxKinds.Index && m.Status == OutboxStatus.Pending).Select(m => m.Id).ToListAsync(ct);
        int opportunities, investors, savedCount;
        var saved = new List<KeyValuePair<Guid, OpportunityQuery>>();
        using (var scope = coordinator.Begin(covered))
        {
            try
            {
                await using var rebuild = await engine.BeginRebuildAsync(ct);
                var writtenOpportunities = await RebuildPagesAsync(ReadOpportunityPageAsync, o => o.Id, o => builder.Build(o), d => d.Id,
                    rebuild.IndexOpportunitiesAsync, ct);
                var writtenInvestors = await RebuildPagesAsync(ReadInvestorPageAsync, p => p.Id, p => builder.Build(p), d => d.Id,
                    rebuild.IndexInvestorsAsync, ct);
                foreach (var s in await db.SavedSearches.AsNoTracking().Select(s => new { s.Id, s.QueryJson }).ToListAsync(ct))
                {
                    if (SearchQueryJson.TryDeserialize(s.QueryJson) is { } query) saved.Add(new(s.Id, query));
                    else log.LogWarning("Saved search {Id} has an unreadable query and is not percolated.", s.Id);
                }
                await rebuild.StoreSavedSearchesAsync(saved, ct);
                (opportunities, investors, savedCount) = await ReconcileAsync(rebuild, writtenOpportunities, writtenInvestors, saved, ct);
                await rebuild.CompleteAsync(ct);
            }
            catch when (covered.Count > 0)
            {
                // The dispatcher may have recorded some of them done, counting on this rebuild: they must run after all.
                foreach (var chunk in covered.Chunk(BatchSize))
                    await db.OutboxMessages.Where(m => chunk.Contains(m.Id) && m.Status == OutboxStatus.Sent)
                        .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.SentAt, (DateTimeOffset?)null), CancellationToken.None);
                throw;
            }
            var now = DateTimeOffset.UtcNow;
            foreach (var chunk in covered.Chunk(BatchSize))
            {
                // A message a dispatcher holds is left to it: its handler sees it covered and records it sent.
                await db.OutboxMessages
                    .Where(m => chunk.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil <= now))
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, now)
                        .SetProperty(m => m.LastError, (string?)null), ct);
            }
            scope.Complete();
        }
        if (covered.Count > 0) log.LogInformation("The rebuild covered {Count} pending index messages; they are marked done.", covered.Count);
        return new RebuildReport(opportunities, investors, savedCount, DateTime.UtcNow - started);
    }

    /// <summary>The listings the index holds: what a rebuild reads, and the catalogue <see cref="IndexBacklog"/> measures against.</summary>
    internal static IQueryable<Opportunity> PublishedOpportunities(PortalDbContext db) =>
        db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Published);

    /// <summary>The investor profiles the index holds.</summary>
    internal static IQueryable<InvestorProfile> PublicInvestors(PortalDbContext db) =>
        db.InvestorProfiles.AsNoTracking().Where(p => p.Visibility == ProfileVisibility.Public);

    private IQueryable<Opportunity> PublishedOpportunities() => PublishedOpportunities(db);

    private IQueryable<InvestorProfile> PublicInvestors() => PublicInvestors(db);

    /// <summary>
    /// The rebuild read each page before writing it; a listing closed (or a profile hidden, a saved search deleted)
    /// on any node in between had its live delete reach the new index before the rebuild's copy did, and the copy
    /// would come back at the swap. So the database is read again after everything is written: what is no longer
    /// indexable is deleted from the new index, then whatever of that became indexable again in the meantime is
    /// written once more (op_type create on Elasticsearch: a live write that got there first is newer and stays).
    /// Returns the counts that end up in the new index.
    /// </summary>
    private async Task<(int Opportunities, int Investors, int SavedSearches)> ReconcileAsync(ISearchRebuild rebuild, IReadOnlyCollection<Guid> writtenOpportunities,
        IReadOnlyCollection<Guid> writtenInvestors, IReadOnlyCollection<KeyValuePair<Guid, OpportunityQuery>> saved, CancellationToken ct)
    {
        var published = (await PublishedOpportunities().Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var closed = writtenOpportunities.Where(id => !published.Contains(id)).ToList();
        var restoredOpportunities = 0;
        if (closed.Count > 0)
        {
            await rebuild.DeleteOpportunitiesAsync(closed, ct);
            foreach (var chunk in closed.Chunk(BatchSize))
            {
                var again = await PublishedOpportunities().Include(o => o.Translations).Where(o => chunk.Contains(o.Id)).ToListAsync(ct);
                var docs = again.Select(builder.Build).OfType<OpportunityDocument>().ToList();
                if (docs.Count > 0) await rebuild.IndexOpportunitiesAsync(docs, ct);
                restoredOpportunities += docs.Count;
            }
        }

        var visible = (await PublicInvestors().Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var hidden = writtenInvestors.Where(id => !visible.Contains(id)).ToList();
        var restoredInvestors = 0;
        if (hidden.Count > 0)
        {
            await rebuild.DeleteInvestorsAsync(hidden, ct);
            foreach (var chunk in hidden.Chunk(BatchSize))
            {
                var again = await PublicInvestors().Include(p => p.Translations).Where(p => chunk.Contains(p.Id)).ToListAsync(ct);
                var docs = again.Select(builder.Build).OfType<InvestorDocument>().ToList();
                if (docs.Count > 0) await rebuild.IndexInvestorsAsync(docs, ct);
                restoredInvestors += docs.Count;
            }
        }

        var existing = (await db.SavedSearches.AsNoTracking().Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var deleted = saved.Select(s => s.Key).Where(id => !existing.Contains(id)).ToList();
        if (deleted.Count > 0) await rebuild.DeleteSavedSearchesAsync(deleted, ct);

        if (closed.Count + hidden.Count + deleted.Count > 0)
            log.LogInformation("The rebuild removed {Opportunities} listings, {Investors} profiles and {Saved} saved searches changed while it ran.",
                closed.Count - restoredOpportunities, hidden.Count - restoredInvestors, deleted.Count);
        return (writtenOpportunities.Count - closed.Count + restoredOpportunities, writtenInvestors.Count - hidden.Count + restoredInvestors,
            saved.Count - deleted.Count);
    }

    /// <summary>
    /// The rebuild's next page of published listings after the given id (the first page for null), without their
    /// translations. It must be read through the (Status, Id) index: with any other plan each page sorts every published
    /// listing left (test).
    /// </summary>
    internal IQueryable<Opportunity> OpportunityPage(Guid? after) =>
        After(PublishedOpportunities(), after).OrderBy(o => o.Id).Take(BatchSize);

    /// <summary>The rebuild's next page of public investor profiles after the given id (the first page for null), without their translations.</summary>
    internal IQueryable<InvestorProfile> InvestorPage(Guid? after) =>
        After(PublicInvestors(), after).OrderBy(p => p.Id).Take(BatchSize);

    // A page and its translations are read by two plain queries and put together here: with Include, EF Core's shaper
    // made a delegate (DynamicMethod.CreateDelegate) for every row it joined, a sixth of reading a page in a profile.
    private async Task<List<Opportunity>> ReadOpportunityPageAsync(Guid? after, CancellationToken ct)
    {
        var page = await OpportunityPage(after).ToListAsync(ct);
        var ids = page.Select(o => o.Id).ToList();
        var translations = (await db.OpportunityTranslations.AsNoTracking().Where(t => ids.Contains(t.OpportunityId))
            .OrderBy(t => t.OpportunityId).ThenBy(t => t.Culture).ToListAsync(ct)).ToLookup(t => t.OpportunityId);
        foreach (var o in page) o.Translations = [.. translations[o.Id]];
        return page;
    }

    private async Task<List<InvestorProfile>> ReadInvestorPageAsync(Guid? after, CancellationToken ct)
    {
        var page = await InvestorPage(after).ToListAsync(ct);
        var ids = page.Select(p => p.Id).ToList();
        var translations = (await db.InvestorProfileTranslations.AsNoTracking().Where(t => ids.Contains(t.InvestorProfileId))
            .OrderBy(t => t.InvestorProfileId).ThenBy(t => t.Culture).ToListAsync(ct)).ToLookup(t => t.InvestorProfileId);
        foreach (var p in page) p.Translations = [.. translations[p.Id]];
        return page;
    }

    private static IQueryable<Opportunity> After(IQueryable<Opportunity> query, Guid? after) =>
        after is { } id ? query.Where(o => o.Id > id) : query;

    private static IQueryable<InvestorProfile> After(IQueryable<InvestorProfile> query, Guid? after) =>
        after is { } id ? query.Where(p => p.Id > id) : query;

    /// <summary>
    /// One page is read while the previous one is built (in parallel) and indexed: the database and the cores work at
    /// once. Returns the ids of the documents written.
    /// </summary>
    private static async Task<List<Guid>> RebuildPagesAsync<TEntity, TDocument>(
        Func<Guid?, CancellationToken, Task<List<TEntity>>> readPageAfter, Func<TEntity, Guid> key, Func<TEntity, TDocument?> build, Func<TDocument, Guid> documentId,
        Func<IReadOnlyCollection<TDocument>, CancellationToken, Task> index, CancellationToken ct)
        where TDocument : class
    {
        var written = new List<Guid>();
        Guid? after = null;
        Task previous = Task.CompletedTask;
        while (true)
        {
            var page = await readPageAfter(after, ct);
            await previous;
            if (page.Count == 0) break;
            after = key(page[^1]);
            previous = Task.Run(async () =>
            {
                var docs = page.AsParallel().AsOrdered().WithCancellation(ct).Select(build).OfType<TDocument>().ToList();
                await index(docs, ct);
                written.AddRange(docs.Select(documentId)); // one page at a time: the next starts after this one is awaited
            }, ct);
        }
        return written;
    }

    public async Task IndexAsync(IndexRequest request, CancellationToken ct = default)
    {
        foreach (var chunk in request.OpportunityIds.Distinct().Chunk(BatchSize))
        {
            var found = await db.Opportunities.AsNoTracking().Include(o => o.Translations)
                .Where(o => chunk.Contains(o.Id)).ToListAsync(ct);
            var docs = found.AsParallel().Select(builder.Build).OfType<OpportunityDocument>().ToList();
            var gone = chunk.Except(docs.Select(d => d.Id)).ToList();
            if (docs.Count > 0) await engine.IndexOpportunitiesAsync(docs, ct);
            if (gone.Count > 0) await engine.DeleteOpportunitiesAsync(gone, ct);
        }
        foreach (var chunk in request.InvestorProfileIds.Distinct().Chunk(BatchSize))
        {
            var found = await db.InvestorProfiles.AsNoTracking().Include(p => p.Translations)
                .Where(p => chunk.Contains(p.Id)).ToListAsync(ct);
            var docs = found.AsParallel().Select(builder.Build).OfType<InvestorDocument>().ToList();
            var gone = chunk.Except(docs.Select(d => d.Id)).ToList();
            if (docs.Count > 0) await engine.IndexInvestorsAsync(docs, ct);
            if (gone.Count > 0) await engine.DeleteInvestorsAsync(gone, ct);
        }
    }
}
