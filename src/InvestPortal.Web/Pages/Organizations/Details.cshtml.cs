using InvestPortal.Core.Domain;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Organizations;

/// <summary>An organization's public page: its name in the reader's language, verification, kind, website, and its published listings.</summary>
public sealed class DetailsModel(OrganizationReader reader) : PortalPageModel
{
    public const int PageSize = 12;
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<OpportunityView> Opportunities { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        if (await reader.BySlugAsync(slug, pageNumber, PageSize, Culture, ct) is not { } found) return NotFound();
        (Organization, Opportunities, Total, var page) = found;
        Pager = new Pager(page, PageSize, Total, Request);
        return Page();
    }
}
