using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Investing;

namespace InvestPortal.Web.Pages.Investors;

public sealed class IndexModel(InvestorSearch search, PortalTaxonomy taxonomy) : PortalPageModel, ISearchPage
{
    public const int PageSize = 20;
    public InvestorSearchForm Form { get; private set; } = new();
    public IReadOnlyList<(InvestorView View, IReadOnlyList<Highlight> Highlights)> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets { get; private set; } = new Dictionary<string, IReadOnlyDictionary<string, int>>();
    public Pager Pager { get; private set; } = null!;
    public bool Unavailable { get; set; }

    public async Task OnGetAsync([FromQuery] InvestorSearchForm form, CancellationToken ct)
    {
        Form = form.Normalize(taxonomy);
        Pager = new Pager(Form.Page, PageSize, 0, Request);
        var result = await search.SearchAsync(Form, Culture, PageSize, ct);
        (Items, Facets) = (result.Items, result.Facets);
        Pager = Pager with { Total = result.Total };
    }

    public string Label(string group, string code) => group switch
    {
        FacetGroups.Sector => taxonomy.LabelOf(TaxonomyKind.Sector, code, Culture) ?? code,
        FacetGroups.Location => taxonomy.LabelOf(TaxonomyKind.Location, code, Culture) ?? code,
        _ => code,
    };
}
