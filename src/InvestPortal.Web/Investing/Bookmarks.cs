using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Investing;

/// <summary>An investor's verdicts on opportunities: shortlisted (kept) or dismissed (hidden from matches). One per pair.</summary>
public sealed class Bookmarks(PortalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<Guid, OpportunityDecision>> DecisionsAsync(string userId, CancellationToken ct = default) =>
        await db.OpportunityBookmarks.AsNoTracking().Where(b => b.UserId == userId)
            .ToDictionaryAsync(b => b.OpportunityId, b => b.Decision, ct);

    public Task<OpportunityDecision?> DecisionAsync(string userId, Guid opportunityId, CancellationToken ct = default) =>
        db.OpportunityBookmarks.AsNoTracking().Where(b => b.UserId == userId && b.OpportunityId == opportunityId)
            .Select(b => (OpportunityDecision?)b.Decision).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<Guid>> ShortlistAsync(string userId, CancellationToken ct = default) =>
        await db.OpportunityBookmarks.AsNoTracking().Where(b => b.UserId == userId && b.Decision == OpportunityDecision.Shortlisted)
            .OrderByDescending(b => b.CreatedAt).Select(b => b.OpportunityId).ToListAsync(ct);

    /// <summary>Records the verdict, replacing an earlier one; false when the opportunity is not published (nothing to keep).</summary>
    public async Task<bool> SetAsync(string userId, Guid opportunityId, OpportunityDecision decision, CancellationToken ct = default)
    {
        if (!await db.Opportunities.AnyAsync(o => o.Id == opportunityId && o.Status == OpportunityStatus.Published, ct)) return false;
        var row = await db.OpportunityBookmarks.FirstOrDefaultAsync(b => b.UserId == userId && b.OpportunityId == opportunityId, ct);
        if (row is null) db.OpportunityBookmarks.Add(row = new OpportunityBookmark { UserId = userId, OpportunityId = opportunityId });
        row.Decision = decision;
        row.CreatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click inserted the same pair twice; the first insert holds the same verdict.
            db.ChangeTracker.Clear();
        }
        return true;
    }

    /// <summary>Undoes a verdict (un-shortlist, or bring a dismissed opportunity back into matches).</summary>
    public Task ClearAsync(string userId, Guid opportunityId, CancellationToken ct = default) =>
        db.OpportunityBookmarks.Where(b => b.UserId == userId && b.OpportunityId == opportunityId).ExecuteDeleteAsync(ct);
}
