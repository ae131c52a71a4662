using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Insight;

/// <summary>Adds readers to one listing's translation demand for one month and language; through <see cref="RelativeUpsert"/>.</summary>
public static class LanguageDemandStats
{
    public static DateOnly MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1);

    public static async Task AddAsync(PortalDbContext db, Guid opportunityId, DateOnly month, string culture, int readers, CancellationToken ct = default)
    {
        await RelativeUpsert.AddAsync<OpportunityLanguageDemand>(db,
            () => db.OpportunityLanguageDemands
                .Where(d => d.OpportunityId == opportunityId && d.Month == month && d.Culture == culture)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Readers, x => x.Readers + readers), ct),
            async () => await db.Opportunities.AnyAsync(o => o.Id == opportunityId, ct) // deleted since it was read: nothing to add to
                ? new OpportunityLanguageDemand { OpportunityId = opportunityId, Month = month, Culture = culture, Readers = readers }
                : null, ct);
    }
}
