using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Investing;

/// <summary>Reads of public investor profiles; hidden and officials-only profiles never appear here.</summary>
public sealed class InvestorReader(PortalDbContext db)
{
    private IQueryable<InvestorProfile> Public => db.InvestorProfiles.AsNoTracking()
        .Where(p => p.Visibility == ProfileVisibility.Public);

    public async Task<IReadOnlyDictionary<Guid, InvestorProfile>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? new Dictionary<Guid, InvestorProfile>()
            : await Public.Include(p => p.Translations).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

    public Task<InvestorProfile?> BySlugAsync(string slug, CancellationToken ct = default) =>
        Public.Include(p => p.Translations).FirstOrDefaultAsync(p => p.Slug == slug, ct);

    /// <summary>
    /// A profile page for this viewer: public profiles for everyone, officials-only ones for officials
    /// and admins, hidden ones for their owner only (see <see cref="Investing.InvestorProfiles.CanSee"/>).
    /// </summary>
    public async Task<InvestorProfile?> BySlugForAsync(string slug, System.Security.Claims.ClaimsPrincipal viewer, string? viewerId, CancellationToken ct = default)
    {
        var profile = await db.InvestorProfiles.AsNoTracking().Include(p => p.Translations).FirstOrDefaultAsync(p => p.Slug == slug, ct);
        return profile is not null && Investing.InvestorProfiles.CanSee(profile, viewer, viewerId) ? profile : null;
    }

    public Task<int> CountAsync(CancellationToken ct = default) => Public.CountAsync(ct);
}
