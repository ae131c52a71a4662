using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Insight;

/// <summary>Adds readers to one listing's translation demand for one month and language; the same upsert as <see cref="DailyStats"/>.</summary>
public static class LanguageDemandStats
{
    public static DateOnly MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1);

    public static async Task AddAsync(PortalDbContext db, Guid opportunityId, DateOnly month, string culture, int readers, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.OpportunityLanguageDemands
                .Where(d => d.OpportunityId == opportunityId && d.Month == month && d.Culture == culture)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Readers, x => x.Readers + readers), ct);
            if (updated > 0) return;
            if (!await db.Opportunities.AnyAsync(o => o.Id == opportunityId, ct)) return; // deleted since it was read
            var row = new OpportunityLanguageDemand { OpportunityId = opportunityId, Month = month, Culture = culture, Readers = readers };
            db.OpportunityLanguageDemands.Add(row);
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
