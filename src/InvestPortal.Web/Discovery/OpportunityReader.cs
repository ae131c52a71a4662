using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Discovery;

/// <summary>
/// Reads of the public catalogue. Everything here filters to Published: drafts, pending, rejected and
/// closed listings are invisible to the public in every page and API.
/// </summary>
public sealed class OpportunityReader(PortalDbContext db)
{
    public const int MaxPageSize = 100;

    private IQueryable<Opportunity> Published => db.Opportunities.AsNoTracking()
        .Where(o => o.Status == OpportunityStatus.Published);

    public async Task<(IReadOnlyList<Opportunity> Items, int Total)> PageAsync(int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        var total = await Published.CountAsync(ct);
        var items = await Published.Include(o => o.Translations).Include(o => o.Organization)
            .OrderByDescending(o => o.PublishedAt).ThenBy(o => o.ExternalRef)
            .Skip((page - 1) * pageSize).Take(pageSize).AsSplitQuery().ToListAsync(ct);
        return (items, total);
    }

    public Task<Opportunity?> BySlugAsync(string slug, CancellationToken ct = default) =>
        Published.Include(o => o.Translations).Include(o => o.Organization).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Slug == slug, ct);

    /// <summary>The API accepts the id or the external ref.</summary>
    public Task<Opportunity?> ByIdOrRefAsync(string idOrRef, CancellationToken ct = default)
    {
        var query = Published.Include(o => o.Translations).Include(o => o.Organization).AsSplitQuery();
        return Guid.TryParse(idOrRef, out var id)
            ? query.FirstOrDefaultAsync(o => o.Id == id, ct)
            : query.FirstOrDefaultAsync(o => o.ExternalRef == idOrRef, ct);
    }

    /// <summary>Published listings by id (search hits), with their texts and organization.</summary>
    /// <remarks>
    /// The status is checked after loading: with "Status = 'Published'" in the SQL, a planner without fresh
    /// statistics (SQLite) walks the status index over the whole catalogue instead of looking up a page of ids.
    /// </remarks>
    public async Task<IReadOnlyDictionary<Guid, Opportunity>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<Guid, Opportunity>();
        // One statement, not three: a page of hits is ≤ 100 listings with ≤ 3 translations each and one organization, so
        // the join repeats little, while split queries cost two more round trips on every uncached search page.
        var found = await db.Opportunities.AsNoTracking().Include(o => o.Translations).Include(o => o.Organization).AsSingleQuery()
            .Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        return found.Where(o => o.Status == OpportunityStatus.Published).ToDictionary(o => o.Id);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountsBySectorAsync(CancellationToken ct = default) =>
        await Published.GroupBy(o => o.SectorCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>Total investment sought per currency, summed by the database rather than by loading every listing.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> TotalsByCurrencyAsync(CancellationToken ct = default) =>
        await Published.GroupBy(o => o.Currency).Select(g => new { g.Key, Total = g.Sum(o => o.TotalAmount) })
            .ToDictionaryAsync(x => x.Key, x => x.Total, ct);

    public Task<int> LocationCountAsync(CancellationToken ct = default) =>
        Published.Select(o => o.LocationCode).Distinct().CountAsync(ct);
}
