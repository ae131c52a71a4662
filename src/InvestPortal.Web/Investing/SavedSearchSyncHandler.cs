using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Investing;

/// <summary>Brings the percolator in line with the database for one saved search (stored, paused or deleted).</summary>
public sealed class SavedSearchSyncHandler(PortalDbContext db, ISearchEngine engine) : IOutboxHandler
{
    public string Kind => AlertOutbox.SavedSearchKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var id = message.ReadPayload<SavedSearchSync>().SavedSearchId;
        var search = await db.SavedSearches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (search is not null && !SavedSearches.IsPaused(search) && SavedSearches.Query(search) is { } query)
            await engine.StoreSavedSearchAsync(id, query, cancellationToken);
        else
            await engine.DeleteSavedSearchAsync(id, cancellationToken);
    }
}
