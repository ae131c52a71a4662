using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Discovery;

/// <summary>An organization's public page: the organization and its published listings, newest first.</summary>
public sealed class OrganizationReader(PortalDbContext db, PortalTaxonomy taxonomy)
{
    /// <summary>Null for an unknown slug. A page number past the end shows the last page.</summary>
    public async Task<OrganizationListing?> BySlugAsync(string slug, int pageNumber, int pageSize, string culture, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (org is null) return null;
        // Published only: the public never sees drafts, pending or closed listings here either.
        var published = db.Opportunities.AsNoTracking().Where(o => o.OrganizationId == org.Id && o.Status == OpportunityStatus.Published);
        var total = await published.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(pageNumber, 1, pageCount);
        var items = await published.Include(o => o.Translations).Include(o => o.Organization)
            .OrderByDescending(o => o.PublishedAt).ThenBy(o => o.ExternalRef)
            .Skip((page - 1) * pageSize).Take(pageSize).AsSplitQuery().ToListAsync(ct);
        return new OrganizationListing(org, items.Select(o => OpportunityView.Create(o, culture, taxonomy)).ToList(), total, page);
    }
}
