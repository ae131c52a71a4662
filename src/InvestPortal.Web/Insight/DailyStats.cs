using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Insight;

/// <summary>
/// Adds to one opportunity's counters for one day. Provider-neutral upsert: an UPDATE of the row,
/// and when there is none an INSERT; if another node inserted the same day in between, the unique
/// key refuses ours and the UPDATE is tried again. Inside a caller's transaction EF Core wraps the
/// INSERT in a savepoint, so a refused insert does not abort the transaction on PostgreSQL.
/// </summary>
public static class DailyStats
{
    /// <summary>Days are UTC days: one calendar for officials in China and investors in Russia.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static async Task AddAsync(PortalDbContext db, Guid opportunityId, DateOnly day,
        int views = 0, int interests = 0, int invitations = 0, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.OpportunityDailyStats.Where(s => s.OpportunityId == opportunityId && s.Day == day)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Views, x => x.Views + views)
                    .SetProperty(x => x.Interests, x => x.Interests + interests)
                    .SetProperty(x => x.Invitations, x => x.Invitations + invitations), ct);
            if (updated > 0) return;
            var row = new Core.Domain.OpportunityDailyStat
            {
                OpportunityId = opportunityId, Day = day, Views = views, Interests = interests, Invitations = invitations,
            };
            db.OpportunityDailyStats.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                db.Entry(row).State = EntityState.Detached;
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
