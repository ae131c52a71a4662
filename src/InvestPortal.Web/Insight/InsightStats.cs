using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Insight;

/// <summary>
/// The numbers of the insight page and the officials' dashboard. Views and invitations come from the
/// daily counters; expressions of interest are counted from their own rows (the source of truth, also
/// right for interests recorded before counters existed).
/// </summary>
public sealed class InsightStats(PortalDbContext db, TimeProvider clock)
{
    public static readonly int[] Windows = [30, 90];

    public async Task<InsightTotals> TotalsAsync(Opportunity o, CancellationToken ct = default) => new(
        o.ViewCount,
        await db.ExpressionsOfInterest.CountAsync(e => e.OpportunityId == o.Id, ct),
        await db.OpportunityInvitations.CountAsync(i => i.OpportunityId == o.Id, ct));

    /// <summary>One listing's last <paramref name="days"/> days.</summary>
    public Task<DailySeries> SeriesAsync(Guid opportunityId, int days, CancellationToken ct = default) =>
        SeriesAsync(db.Opportunities.Where(o => o.Id == opportunityId).Select(o => o.Id), days, ct);

    /// <summary>Every listing of the given organizations, summed per day.</summary>
    public Task<DailySeries> OrganizationSeriesAsync(IReadOnlyCollection<Guid> organizationIds, int days, CancellationToken ct = default) =>
        SeriesAsync(db.Opportunities.Where(o => organizationIds.Contains(o.OrganizationId)).Select(o => o.Id), days, ct);

    public Task<int> OrganizationListingCountAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct = default) =>
        db.Opportunities.CountAsync(o => organizationIds.Contains(o.OrganizationId) && o.Status == OpportunityStatus.Published, ct);

    private async Task<DailySeries> SeriesAsync(IQueryable<Guid> ids, int days, CancellationToken ct)
    {
        var today = DailyStats.Today(clock);
        var first = today.AddDays(1 - days);
        var stats = await db.OpportunityDailyStats.AsNoTracking()
            .Where(s => ids.Contains(s.OpportunityId) && s.Day >= first && s.Day <= today)
            .GroupBy(s => s.Day)
            .Select(g => new { Day = g.Key, Views = g.Sum(s => s.Views), Invitations = g.Sum(s => s.Invitations) })
            .ToDictionaryAsync(x => x.Day, ct);
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Small: one row per expression of interest in the window; grouped here because SQLite stores times as ticks.
        var interests = (await db.ExpressionsOfInterest.AsNoTracking()
                .Where(e => ids.Contains(e.OpportunityId) && e.CreatedAt >= since).Select(e => e.CreatedAt).ToListAsync(ct))
            .GroupBy(t => DateOnly.FromDateTime(t.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
        var range = Enumerable.Range(0, days).Select(first.AddDays).ToList();
        return new DailySeries(range,
            range.Select(d => stats.TryGetValue(d, out var s) ? s.Views : 0).ToList(),
            range.Select(d => interests.GetValueOrDefault(d)).ToList(),
            range.Select(d => stats.TryGetValue(d, out var s) ? s.Invitations : 0).ToList());
    }
}
