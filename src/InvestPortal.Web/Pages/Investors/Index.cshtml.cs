using Microsoft.AspNetCore.Mvc;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;

namespace InvestPortal.Web.Pages.Investors;

public sealed class IndexModel(InvestorReader reader, PortalTaxonomy taxonomy) : PortalPageModel
{
    public const int PageSize = 20;
    public IReadOnlyList<InvestorView> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    // "page" is the Razor Pages route value of the page's own name, so the number is read from the query explicitly.
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var (items, total) = await reader.PageAsync(pageNumber, PageSize, ct);
        Items = items.Select(p => InvestorView.Create(p, Culture, taxonomy)).ToList();
        Pager = new Pager(Math.Max(1, pageNumber), PageSize, total, Request);
    }
}
