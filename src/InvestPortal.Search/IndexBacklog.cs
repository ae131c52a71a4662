using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Search;

/// <summary>
/// The index work waiting in the outbox, measured against the catalogue: when the pending index messages name at least
/// a minimum of listings and profiles and at least half as many as the catalogue holds (a large import), one rebuild
/// indexes them sooner than the messages one by one (<see cref="SearchOptions.RebuildForBacklogOf"/>). Reads only the
/// database, so a command can ask before it opens the index.
/// </summary>
public sealed class IndexBacklog(PortalDbContext db)
{
    public async Task<bool> CallsForRebuildAsync(int minimum, CancellationToken ct = default)
    {
        if (minimum <= 0) return false;
        var pending = db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.Index && m.Status == OutboxStatus.Pending);
        // An id takes at least 36 characters of a payload: everyday edits (one listing a message) stop here, unread.
        if (await pending.SumAsync(m => (long)m.PayloadJson.Length, ct) < minimum * 36L) return false;
        var named = 0L;
        // Only what ReadPayload needs: the rest of each message is not read.
        foreach (var message in await pending.Select(m => new OutboxMessage { Id = m.Id, PayloadJson = m.PayloadJson }).ToListAsync(ct))
        {
            var request = message.ReadPayload<IndexRequest>();
            named += request.OpportunityIds.Count + request.InvestorProfileIds.Count;
        }
        if (named < minimum) return false;
        var catalogue = await SearchIndexer.PublishedOpportunities(db).CountAsync(ct) + await SearchIndexer.PublicInvestors(db).CountAsync(ct);
        return named * 2 >= catalogue;
    }
}
