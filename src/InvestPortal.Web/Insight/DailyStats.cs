using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Insight;

/// <summary>
/// Adds to one opportunity's counters for one day, through <see cref="RelativeUpsert"/> (an UPDATE, else an INSERT;
/// safe on several nodes and inside a caller's transaction).
/// </summary>
public static class DailyStats
{
    /// <summary>Days are UTC days: one calendar for officials in China and investors in Russia.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static async Task AddAsync(PortalDbContext db, Guid opportunityId, DateOnly day,
        int views = 0, int interests = 0, int invitations = 0, CancellationToken ct = default)
    {
        await RelativeUpsert.AddAsync(db,
            () => db.OpportunityDailyStats.Where(s => s.OpportunityId == opportunityId && s.Day == day)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Views, x => x.Views + views)
                    .SetProperty(x => x.Interests, x => x.Interests + interests)
                    .SetProperty(x => x.Invitations, x => x.Invitations + invitations), ct),
            () => Task.FromResult<Core.Domain.OpportunityDailyStat?>(new Core.Domain.OpportunityDailyStat
            {
                OpportunityId = opportunityId, Day = day, Views = views, Interests = interests, Invitations = invitations,
            }), ct);
    }
}
