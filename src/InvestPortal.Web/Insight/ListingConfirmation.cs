using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Web.Publishing;

namespace InvestPortal.Web.Insight;

/// <summary>
/// The owner says a listing is still current: the expiry period (<see cref="ListingExpiry"/>) starts again, the
/// reminder may be sent again, and the audit log keeps when it was confirmed before.
/// </summary>
public sealed class ListingConfirmation(PortalDbContext db, TimeProvider clock)
{
    /// <param name="opportunity">Tracked, loaded by the caller after the ownership check.</param>
    public async Task<ConfirmOutcome> ConfirmAsync(Opportunity opportunity, Actor actor, CancellationToken ct = default)
    {
        if (opportunity.Status != OpportunityStatus.Published) return ConfirmOutcome.NotPublished;
        var now = clock.GetUtcNow();
        var previous = opportunity.LastConfirmedAt ?? opportunity.PublishedAt;
        opportunity.LastConfirmedAt = now;
        opportunity.ExpiryReminderSentAt = null;
        var audit = db.Audit("opportunity.confirm", "opportunity", opportunity.Id.ToString(), actor.UserName,
            details: $"previously confirmed {previous:yyyy-MM-dd}", userId: actor.UserId);
        audit.At = now;
        await db.SaveChangesAsync(ct);
        return ConfirmOutcome.Confirmed;
    }
}
