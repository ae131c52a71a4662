using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Search;

public sealed record RebuildReport(int Opportunities, int Investors, int SavedSearches, TimeSpan Elapsed);

/// <summary>
/// Keeps the index true to the database: <see cref="RebuildAsync"/> rebuilds everything (the `reindex` command,
/// a missing or corrupt index at start, a glossary change); <see cref="IndexAsync"/> re-reads the given ids and
/// indexes what is indexable now, deleting the rest (drafts, closed, hidden, deleted).
/// </summary>
public sealed class SearchIndexer(PortalDbContext db, ISearchEngine engine, SearchDocumentBuilder builder, ILogger<SearchIndexer> log)
{
    public const int BatchSize = 500;

    public async Task<RebuildReport> RebuildAsync(CancellationToken ct = default)
    {
        var started = DateTime.UtcNow;
        await using var rebuild = await engine.BeginRebuildAsync(ct);
        int opportunities = 0, investors = 0;
        for (var skip = 0; ; skip += BatchSize)
        {
            var batch = await db.Opportunities.AsNoTracking().Include(o => o.Translations)
                .Where(o => o.Status == OpportunityStatus.Published)
                .OrderBy(o => o.Id).Skip(skip).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            var docs = batch.Select(builder.Build).OfType<OpportunityDocument>().ToList();
            await rebuild.IndexOpportunitiesAsync(docs, ct);
            opportunities += docs.Count;
        }
        for (var skip = 0; ; skip += BatchSize)
        {
            var batch = await db.InvestorProfiles.AsNoTracking().Include(p => p.Translations)
                .Where(p => p.Visibility == ProfileVisibility.Public)
                .OrderBy(p => p.Id).Skip(skip).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            var docs = batch.Select(builder.Build).OfType<InvestorDocument>().ToList();
            await rebuild.IndexInvestorsAsync(docs, ct);
            investors += docs.Count;
        }
        var saved = new List<KeyValuePair<Guid, OpportunityQuery>>();
        foreach (var s in await db.SavedSearches.AsNoTracking().Select(s => new { s.Id, s.QueryJson }).ToListAsync(ct))
        {
            if (SearchQueryJson.TryDeserialize(s.QueryJson) is { } query) saved.Add(new(s.Id, query));
            else log.LogWarning("Saved search {Id} has an unreadable query and is not percolated.", s.Id);
        }
        await rebuild.StoreSavedSearchesAsync(saved, ct);
        await rebuild.CompleteAsync(ct);
        return new RebuildReport(opportunities, investors, saved.Count, DateTime.UtcNow - started);
    }

    public async Task IndexAsync(IndexRequest request, CancellationToken ct = default)
    {
        foreach (var chunk in request.OpportunityIds.Distinct().Chunk(BatchSize))
        {
            var found = await db.Opportunities.AsNoTracking().Include(o => o.Translations)
                .Where(o => chunk.Contains(o.Id)).ToListAsync(ct);
            var docs = found.Select(builder.Build).OfType<OpportunityDocument>().ToList();
            var gone = chunk.Except(docs.Select(d => d.Id)).ToList();
            if (docs.Count > 0) await engine.IndexOpportunitiesAsync(docs, ct);
            if (gone.Count > 0) await engine.DeleteOpportunitiesAsync(gone, ct);
        }
        foreach (var chunk in request.InvestorProfileIds.Distinct().Chunk(BatchSize))
        {
            var found = await db.InvestorProfiles.AsNoTracking().Include(p => p.Translations)
                .Where(p => chunk.Contains(p.Id)).ToListAsync(ct);
            var docs = found.Select(builder.Build).OfType<InvestorDocument>().ToList();
            var gone = chunk.Except(docs.Select(d => d.Id)).ToList();
            if (docs.Count > 0) await engine.IndexInvestorsAsync(docs, ct);
            if (gone.Count > 0) await engine.DeleteInvestorsAsync(gone, ct);
        }
    }
}

/// <summary>Carries out <see cref="OutboxKinds.Index"/> messages: reads the current state of the ids and (re)indexes or deletes them.</summary>
public sealed class SearchIndexOutboxHandler(SearchIndexer indexer) : IOutboxHandler
{
    public string Kind => OutboxKinds.Index;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        indexer.IndexAsync(message.ReadPayload<IndexRequest>(), cancellationToken);
}
