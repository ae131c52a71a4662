using InvestPortal.Core.Taxonomy;
using InvestPortal.Search;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>The glossary for admins: find concepts by id or any term, and go on to add, edit or delete one.</summary>
public sealed class GlossaryModel(GlossaryAdmin admin, PortalTaxonomy taxonomy) : PortalPageModel
{
    public const int PageSize = 50;
    public string Query { get; private set; } = "";
    public GlossaryListPage Items { get; private set; } = new(0, 1, PageSize, []);
    public Pager Pager { get; private set; } = null!;
    public PortalTaxonomy Taxonomy => taxonomy;
    /// <summary>A resource key set by the edit or delete page after it redirected here, with the concept id as its argument.</summary>
    [TempData] public string? Message { get; set; }
    [TempData] public string? MessageId { get; set; }

    public async Task OnGetAsync([FromQuery] string? q, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Query = q?.Trim() is { Length: > 0 } t ? t[..Math.Min(t.Length, 100)] : "";
        Items = await admin.SearchAsync(Query, Math.Max(1, pageNumber), PageSize, ct);
        Pager = new Pager(Items.Page, PageSize, Items.Total, Request);
    }
}
