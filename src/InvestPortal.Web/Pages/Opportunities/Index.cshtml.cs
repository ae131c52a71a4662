using InvestPortal.Core.Geography;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.Opportunities;

// Every visit ranks the catalogue: a client gets its own generous budget (RateLimits:SearchPerMinute).
// An engine that cannot answer is no silent fallback: SearchUnavailablePageFilter says so (503), keeps the form and logs it.
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(InvestPortal.Web.Security.RateLimits.Search)]
public sealed class IndexModel(OpportunitySearch search, PortalTaxonomy taxonomy, BorderCrossings crossings, SearchFacetLabels labels,
    Map.BorderMapBuilder maps) : PortalPageModel, ISearchPage
{
    public const int PageSize = 20;
    public OpportunitySearchForm Form { get; private set; } = new();
    public IReadOnlyList<(OpportunityView View, IReadOnlyList<Highlight> Highlights)> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets { get; private set; } = new Dictionary<string, IReadOnlyDictionary<string, int>>();
    public Pager Pager { get; private set; } = null!;
    public PortalTaxonomy Taxonomy => taxonomy;
    public bool Unavailable { get; set; }
    /// <summary>The map above the results: bubbles from this search's location facet.</summary>
    public Map.BorderMap? Map { get; private set; }

    // [FromQuery] keeps "page" from binding to the Razor Pages route value of the same name.
    public async Task OnGetAsync([FromQuery] OpportunitySearchForm form, CancellationToken ct)
    {
        Form = form.Normalize(taxonomy, crossings);
        Pager = new Pager(Form.Page, PageSize, 0, Request);
        var result = await search.SearchAsync(Form.ToQuery(Culture, PageSize), ct);
        Items = result.Hits.Select(h => (OpportunityView.Create(h.Opportunity, Culture, taxonomy), h.Highlights)).ToList();
        Facets = result.Facets;
        Pager = Pager with { Total = result.Total };
        Map = maps.ForSearch(Culture, Form, result.Facets, result.Total);
    }

    public string Label(string group, string code) => labels.Label(group, code, Culture);
}
