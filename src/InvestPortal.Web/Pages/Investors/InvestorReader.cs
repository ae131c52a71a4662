using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Pages.Investors;

/// <summary>Reads of public investor profiles; hidden and officials-only profiles never appear here.</summary>
public sealed class InvestorReader(PortalDbContext db)
{
    private IQueryable<InvestorProfile> Public => db.InvestorProfiles.AsNoTracking()
        .Where(p => p.Visibility == ProfileVisibility.Public);

    public async Task<(IReadOnlyList<InvestorProfile> Items, int Total)> PageAsync(int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(1, page);
        var total = await Public.CountAsync(ct);
        var items = await Public.Include(p => p.Translations)
            .OrderBy(p => p.ExternalRef)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }

    public async Task<IReadOnlyDictionary<Guid, InvestorProfile>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? new Dictionary<Guid, InvestorProfile>()
            : await Public.Include(p => p.Translations).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

    public Task<InvestorProfile?> BySlugAsync(string slug, CancellationToken ct = default) =>
        Public.Include(p => p.Translations).FirstOrDefaultAsync(p => p.Slug == slug, ct);

    public Task<int> CountAsync(CancellationToken ct = default) => Public.CountAsync(ct);
}
