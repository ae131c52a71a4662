using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Pages.Opportunities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.Organizations;

/// <summary>An organization's public page: its name in the reader's language, verification, kind, website, and its published listings.</summary>
public sealed class DetailsModel(PortalDbContext db, PortalTaxonomy taxonomy) : PortalPageModel
{
    public const int PageSize = 12;
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<OpportunityView> Opportunities { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (org is null) return NotFound();
        Organization = org;
        // Published only: the public never sees drafts, pending or closed listings here either.
        var published = db.Opportunities.AsNoTracking().Where(o => o.OrganizationId == org.Id && o.Status == OpportunityStatus.Published);
        Total = await published.CountAsync(ct);
        var pageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        var page = Math.Clamp(pageNumber, 1, pageCount);
        var items = await published.Include(o => o.Translations).Include(o => o.Organization)
            .OrderByDescending(o => o.PublishedAt).ThenBy(o => o.ExternalRef)
            .Skip((page - 1) * PageSize).Take(PageSize).AsSplitQuery().ToListAsync(ct);
        Opportunities = items.Select(o => OpportunityView.Create(o, Culture, taxonomy)).ToList();
        Pager = new Pager(page, PageSize, Total, Request);
        return Page();
    }
}
